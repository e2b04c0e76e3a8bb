/** Hands a file to the browser's download. */
export function download(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The browser has taken the file by the next task; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `cityops-<what>-<time>`: sortable, and safe on every file system. */
export function fileName(what: string, timeMs: number, extension: string): string {
  const stamp = new Date(timeMs).toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return `cityops-${what.replace(/[^\w.-]+/g, '_')}-${stamp}.${extension}`;
}
