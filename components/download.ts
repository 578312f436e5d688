/**
 * Saves text as a file through a temporary object URL (our extension pages only: the comparison
 * CSV, the unlock calendar's .ics, the watchlists' JSON). No `downloads` permission is needed for
 * a click on a same-document link. The URL is revoked a little later, not at once: Chromium reads
 * the blob after the click has returned.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
