/** Saves text as a file through a temporary blob link (no server involved). */
export function downloadText(
  fileName: string,
  text: string,
  mimeType = 'text/csv;charset=utf-8',
): void {
  downloadBlob(new Blob([text], { type: mimeType }), fileName);
}

/** Saves a blob under a file name through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
