/**
 * Saves text as a file through the browser's download, with a byte order mark for CSV: without
 * it, Excel reads UTF-8 as the legacy code page and names such as "Lucía" come out garbled.
 */
export const downloadText = (filename: string, text: string, type = 'text/csv;charset=utf-8') => {
  const blob = new Blob([type.startsWith('text/csv') ? `\uFEFF${text}` : text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
};
