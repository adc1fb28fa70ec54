import { z } from 'zod';
import type { Priority, ReportState } from '../contracts.ts';
import { ALL_STATES } from '../states.ts';

export const PRIORITIES = ['emergency', 'urgent', 'standard', 'low'] as const satisfies readonly Priority[];
export const SORTS = ['newest', 'oldest', 'due', 'priority', 'street'] as const;
export type QueueSort = (typeof SORTS)[number];
/** "Older than" choices, in days. */
export const AGES = ['1', '7', '28', '90'] as const;

export function isState(value: unknown): value is ReportState {
  return ALL_STATES.some((s) => s === value);
}

const state = z.custom<ReportState>(isState);
const code = z.string().regex(/^[A-Za-z0-9_]{1,40}$/);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
/** A filter a person can type into the address bar: anything unexpected means "no filter", not an error page. */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** `status`: 'active' (any open state, the default), 'all', or one state. */
export const QueueQuery = z.object({
  status: optional(z.union([z.enum(['active', 'all']), state])).transform((v) => v ?? 'active'),
  ward: optional(code),
  category: optional(code),
  priority: optional(z.enum(PRIORITIES)),
  age: optional(z.enum(AGES)),
  overdue: optional(z.literal('yes')),
  team: optional(z.union([z.literal('none'), code])),
  inspector: optional(z.union([z.literal('none'), uuid])),
  sort: optional(z.enum(SORTS)).transform((v) => v ?? 'newest'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type QueueFilter = z.output<typeof QueueQuery>;

export function readQueueFilter(query: unknown): QueueFilter {
  return QueueQuery.parse(query ?? {});
}

export function statesOf(filter: Pick<QueueFilter, 'status'>, open: readonly ReportState[]): readonly ReportState[] | undefined {
  if (filter.status === 'all') return undefined;
  if (filter.status === 'active') return open;
  return [filter.status];
}

/** The filter as a query string, without the page, so links keep the filter and choose the page. */
export function filterQuery(filter: QueueFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'page' || value === undefined) continue;
    if (key === 'status' && value === 'active') continue;
    if (key === 'sort' && value === 'newest') continue;
    params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}
