import { InputError } from '../../errors.ts';

const BINARY = 'binary file, not YAML or JSON';

/**
 * Byte-order marks that announce a UTF-16 file. Windows PowerShell 5 writes `kubectl get -o yaml >
 * file` as UTF-16LE with a BOM, so such a file is text, not binary, despite its NUL bytes.
 */
const UTF16_MARKS: readonly { first: number; second: number; encoding: string }[] = [
  { first: 0xff, second: 0xfe, encoding: 'utf-16le' },
  { first: 0xfe, second: 0xff, encoding: 'utf-16be' },
];

/**
 * Turns a file's bytes into text: UTF-8 (with or without BOM) or BOM-marked UTF-16. Anything else
 * (NUL bytes, invalid UTF-8) is a binary file and an `InputError` naming the file.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const utf16 = UTF16_MARKS.find((mark) => bytes[0] === mark.first && bytes[1] === mark.second);
  if (utf16) return rejectNul(new TextDecoder(utf16.encoding).decode(bytes), file);
  if (bytes.includes(0)) throw new InputError(`${BINARY} (it contains NUL bytes)`, { from: { file } });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${BINARY} (it is not valid UTF-8 text)`, { from: { file } });
  }
}

/** Text with a NUL character came from a binary file, whatever its name says. */
export function rejectNul(text: string, file: string): string {
  if (text.includes('\0')) throw new InputError(`${BINARY} (it contains NUL bytes)`, { from: { file } });
  return text;
}
