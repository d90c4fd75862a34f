import { readFileSync, statSync } from 'node:fs';
import { DomainError } from '../../shared/errors';

/** The largest text file the app reads: a register of thousands of members is well under 1 MB. */
export const MAX_TEXT_FILE_MB = 20;
const MAX_BYTES = MAX_TEXT_FILE_MB * 1024 * 1024;

/** What a file the user chose holds: bytes as read from disk, or text already decoded (a test, a paste). */
export type TextSource = string | Uint8Array;

const tooLarge = () => new DomainError('file_too_large', 'file', { limit: MAX_TEXT_FILE_MB });

/** A text file's bytes from disk, refused by its size before it is read: the wrong file can be gigabytes. */
export function readTextFile(path: string): Uint8Array {
  if (statSync(path).size > MAX_BYTES) throw tooLarge();
  return readFileSync(path);
}

function withMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * A text file as what it is: UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8"), or UTF-16
 * with its mark (Excel's "Unicode text"). Anything else (Latin-1 or Windows-1252 from an older Excel,
 * UTF-16 without a mark, a spreadsheet or a picture) is refused, not guessed at: a wrong guess stores
 * garbled names that look like data. The mark itself is not part of the text.
 */
export function decodeText(source: TextSource): string {
  if (source.length > MAX_BYTES) throw tooLarge();
  let text: string;
  if (typeof source === 'string') text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  else {
    try {
      text = new TextDecoder(withMark(source), { fatal: true }).decode(source);
    } catch {
      throw new DomainError('file_encoding', 'file');
    }
  }
  // No text file holds a NUL; UTF-16 without its mark, and binary files, are full of them.
  if (text.includes('\0')) throw new DomainError('file_encoding', 'file');
  return text;
}
