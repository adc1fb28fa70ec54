/** Parameters for GOV.UK's pagination component: previous and next, and the page numbers around this one. */
export function pagination(page: number, total: number, pageSize: number, hrefFor: (page: number) => string): Record<string, unknown> | undefined {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return undefined;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: Record<string, unknown>[] = [];
  shown.forEach((n, i) => {
    const before = shown[i - 1];
    if (before !== undefined && n - before > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: hrefFor(n), current: n === page });
  });
  return {
    previous: page > 1 ? { href: hrefFor(page - 1) } : undefined,
    next: page < pages ? { href: hrefFor(page + 1) } : undefined,
    items,
  };
}

/** "Showing 51 to 100 of 230 submissions". */
export function showing(page: number, total: number, pageSize: number, noun: string): string {
  if (total === 0) return `There are no ${noun}`;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return `Showing ${from} to ${to} of ${total} ${noun}`;
}
