/**
 * Files arrive as bytes (a browser upload, a file on disk) and are decoded here, strictly: a
 * file that is not UTF-8 (say a spreadsheet saved as Windows-1252) is refused naming its
 * first bad line, instead of having its characters silently replaced.
 */

import type { DataIssue } from './types.ts';

/** What a reader accepts: the bytes of a file, or text already decoded (a test, a form). */
export type FileContent = string | Uint8Array;

export type Decoded = { ok: true; text: string } | { ok: false; line: number };

const LINE_FEED = 0x0a;

/** The file's text without a byte-order mark, or the first line (1-based) that is not UTF-8. */
export function decodeUtf8(content: FileContent): Decoded {
  if (typeof content === 'string') return { ok: true, text: content.replace(/^\uFEFF/, '') };
  try {
    // The decoder drops a leading byte-order mark.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(content) };
  } catch {
    // A line feed byte is never part of a multi-byte character, so lines decode on their own.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= content.length; i += 1) {
      if (i < content.length && content[i] !== LINE_FEED) continue;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(content.subarray(start, i));
      } catch {
        return { ok: false, line };
      }
      line += 1;
      start = i + 1;
    }
    return { ok: false, line: line - 1 };
  }
}

/** The issue for a file that is not UTF-8, at its first bad line. */
export function notUtf8(fileName: string, line: number): DataIssue {
  return {
    file: fileName,
    row: line,
    column: null,
    message: 'this line is not UTF-8 text',
    fix: 'Save the file as "CSV UTF-8" (or UTF-8 text) and upload it again',
  };
}

/** Size of the content in bytes (UTF-8 for text). */
export function byteLength(content: FileContent): number {
  return typeof content === 'string' ? new TextEncoder().encode(content).length : content.length;
}

/** "5 MB", "500 KB": a limit in words. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
