/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting = + - @, or a tab or
 * carriage return before one) gets a leading apostrophe, as OWASP advises against CSV injection;
 * then RFC 4180 quoting.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
