export { decodeText } from './decode-text.ts';
export { dedupeItems } from './dedupe-items.ts';
export {
  type DirectoryListing,
  type DumpLayout,
  detectDumpLayout,
  type KindHint,
  kindHintFor,
} from './layout-hints.ts';
export { compareItems, sortItems } from './object-identity.ts';
export { type ParsedFile, type ParseOptions, parseDocuments } from './parse-documents.ts';
