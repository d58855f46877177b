/**
 * Uploaded files are read as bytes, never with `file.text()`: that decodes with replacement
 * characters, so a file that is not UTF-8 would be read silently wrong. The readers decode
 * the bytes strictly and name the first line that is not UTF-8.
 */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
