// Display helpers for print areas.
export function inches(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

export function printAreaLabel(name: string): string {
  const sheet = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)$/.exec(name);
  if (sheet) return `${sheet[1]} × ${sheet[2]} in sheet`;
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function printAreaSummary(a: { name: string; widthIn: number; heightIn: number; dpi: number }): string {
  if (/^\d/.test(a.name)) return `Full sheet ${inches(a.widthIn)} × ${inches(a.heightIn)} in, ${a.dpi} DPI`;
  return `${printAreaLabel(a.name)} ${inches(a.widthIn)} × ${inches(a.heightIn)} in, ${a.dpi} DPI`;
}
