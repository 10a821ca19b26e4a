// Hands a file made in the browser to the browser's download, with no round trip to any server.
export function downloadBlob(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** A CSV file (lib/csv) to the browser's download. */
export function downloadCsv(fileName: string, csv: string) {
  downloadBlob(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
}
