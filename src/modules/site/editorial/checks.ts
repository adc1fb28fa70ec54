import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type { FieldError } from '../../../platform/http/forms.ts';
import { contentDocumentSchema, type ContentDocument } from '../contracts.ts';
import { topicReferences } from './links.ts';
import { ContentRefused, issueProblem, problem } from './problems.ts';
import { editorialDb, latestVersions } from './tables.ts';

type Executor = Kysely<PlatformTables>;

/** A document checked against the content model, its problems in GOV.UK words. */
export function parseDocument(input: unknown): ContentDocument {
  const parsed = contentDocumentSchema.safeParse(input);
  if (!parsed.success) throw new ContentRefused(dedupe(parsed.error.issues.map(issueProblem)));
  return parsed.data;
}

function dedupe(problems: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.href + p.text) && seen.add(p.href + p.text));
}

export function clashProblem(clash: { path: string; by: 'content' | 'route' | 'redirect' }, document: ContentDocument): FieldError {
  const field = clash.path === document.path ? 'path' : 'sections';
  const what = field === 'path' ? 'The address' : 'The section address';
  if (clash.by === 'route') return problem(field, `${what} ${clash.path} is used by another part of the website. Choose a different address`);
  if (clash.by === 'redirect') return problem(field, `${what} ${clash.path} is redirected elsewhere. Remove the redirect first, or choose a different address`);
  return problem(field, `${what} ${clash.path} is already used by another page. Choose a different address`);
}

/** Topics a document refers to must exist (as topics), and a topic cannot sit under itself. */
export async function topicProblems(trx: Executor, id: string, document: ContentDocument): Promise<FieldError[]> {
  const refs = topicReferences(document);
  if (refs.length === 0) return [];
  const topics = await latestVersions(trx)
    .select(['c.id', sql<string | null>`v.document->'fields'->>'parentId'`.as('parentId')])
    .where('c.type', '=', 'topic')
    .execute();
  const parents = new Map(topics.map((t) => [t.id, t.parentId]));
  const problems: FieldError[] = [];
  for (const ref of refs) {
    if (ref.id === id) problems.push(problem(ref.field, ref.field === 'parentId' ? 'A topic cannot sit under itself' : 'An item cannot be tagged to itself'));
    else if (!parents.has(ref.id)) problems.push(problem(ref.field, 'Select a topic that exists: one of the topics chosen has been removed'));
  }
  if (document.type === 'topic' && document.fields.parentId) {
    // Walk up from the new parent: meeting this topic again would make a loop.
    const seen = new Set<string>();
    for (let at: string | null | undefined = document.fields.parentId; at && !seen.has(at); at = parents.get(at)) {
      if (at === id && document.fields.parentId !== id) {
        problems.push(problem('parentId', 'A topic cannot sit under one of its own subtopics'));
        break;
      }
      seen.add(at);
    }
  }
  return problems;
}

/** Publishing needs every topic it refers to live already. */
export async function liveTopicProblems(trx: Executor, document: ContentDocument): Promise<FieldError[]> {
  const refs = topicReferences(document);
  if (refs.length === 0) return [];
  const db = editorialDb(trx);
  const ids = [...new Set(refs.map((r) => r.id))];
  const live = new Set((await db.selectFrom('site_published').select('content_id').where('content_id', 'in', ids).where('type', '=', 'topic').execute()).map((r) => r.content_id));
  const missing = refs.filter((r) => !live.has(r.id));
  if (missing.length === 0) return [];
  const titles = new Map(
    (
      await latestVersions(trx)
        .select(['c.id', sql<string>`v.document->>'title'`.as('title')])
        .where('c.id', 'in', missing.map((m) => m.id))
        .execute()
    ).map((r) => [r.id, r.title]),
  );
  const seen = new Set<string>();
  return missing.flatMap((m) => {
    if (seen.has(m.id)) return [];
    seen.add(m.id);
    const title = titles.get(m.id);
    return [problem(m.field, title ? `Publish the topic "${title}" first` : 'One of the topics chosen no longer exists: choose another')];
  });
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

