export { decodeText } from './decode-text.ts';
export { dedupeItems } from './dedupe-items.ts';
export { type FluxKustomization, type FluxVariables, fluxVariables } from './flux-kustomizations.ts';
export { substituteVariables } from './flux-variables.ts';
export { KUSTOMIZE_FILE_NAMES, type KustomizeEntries, kustomizeEntries } from './kustomize-entries.ts';
export {
  type DirectoryListing,
  type DumpLayout,
  detectDumpLayout,
  type KindHint,
  kindHintFor,
} from './layout-hints.ts';
export { kindsNamedIn, notReadFile } from './not-read.ts';
export { compareItems, sortItems } from './object-identity.ts';
export { type ParsedFile, type ParseOptions, parseDocuments } from './parse-documents.ts';
export { scanUnresolved, substitutionDisabled } from './unresolved-fields.ts';
