import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type { Services } from '../../../platform/services.ts';
import { contentDocumentSchema, siteBundleSchema, type SiteBundle, type SiteBundleInput } from '../contracts.ts';
import { putPublished } from '../published.ts';
import type { Editor, SiteEditorial } from './commands.ts';
import { brokenLinks, internalPath, topicReferences } from './links.ts';
import { issueProblem, SiteBundleRefused } from './problems.ts';
import { editorialDb, latestVersions } from './tables.ts';

type Executor = Kysely<PlatformTables>;
const CONTENT_LOCK = 7_270_310;

/**
 * All content as a bundle. A published item is exported as it is live (unpublished changes stay behind, so an
 * import never publishes what no publisher approved); a draft as its latest version.
 */
export async function exportBundle(services: Services): Promise<SiteBundle> {
  const db = editorialDb(services.db);
  const [settings, menus, redirects, content] = await Promise.all([
    db.selectFrom('site_settings').selectAll().executeTakeFirst(),
    db.selectFrom('site_menu_links').selectAll().orderBy(sql`menu = 'header'`, 'desc').orderBy('position').execute(),
    db.selectFrom('site_redirects').selectAll().orderBy('from_path').execute(),
    db
      .selectFrom('site_content as c')
      .innerJoin('site_content_versions as v', (j) => j.onRef('v.content_id', '=', 'c.id').on((eb) => eb('v.version', '=', eb.fn.coalesce('c.published_version', 'c.latest_version'))))
      .select(['c.id', 'c.published_version', 'v.document'])
      .orderBy('c.type')
      .orderBy('c.path')
      .orderBy('c.created_at')
      .execute(),
  ]);
  return siteBundleSchema.parse({
    format: 'lastmile-site/1',
    exportedAt: new Date().toISOString(),
    settings: settings ? { name: settings.name, tagline: settings.tagline, logoUrl: settings.logo_url } : { name: services.config.councilName },
    menus: menus.map((m) => ({ menu: m.menu, text: m.text, href: m.href })),
    redirects: redirects.map((r) => ({ from: r.from_path, to: r.to_path, permanent: r.permanent })),
    content: content.map((c) => ({ id: c.id, published: c.published_version !== null, document: c.document })),
  });
}

/** A bundle read from a file, checked against the format; every problem is named with the item it is in. */
export function parseBundle(input: unknown): SiteBundle {
  const parsed = siteBundleSchema.safeParse(input);
  if (!parsed.success) throw new SiteBundleRefused(parsed.error.issues.map((issue) => schemaProblem(issue, input)));
  return parsed.data;
}

export async function importBundle(editorial: SiteEditorial, input: SiteBundleInput, editor: Editor, options: { publish: boolean }): Promise<{ created: number; updated: number }> {
  const bundle = parseBundle(input);
  const { services } = editorial;
  return services.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${CONTENT_LOCK})`.execute(trx);
    const problems = await bundleProblems(editorial, trx, bundle, options);
    if (problems.length > 0) throw new SiteBundleRefused(problems);
    return write(services, trx, bundle, editor, options);
  });
}

function schemaProblem(issue: z.core.$ZodIssue, input: unknown): string {
  const [first, index, third] = issue.path;
  if (first === 'content' && typeof index === 'number') {
    const where = itemName(index, titleAt(input, index));
    if (third === 'document') return `${where}: ${issueProblem({ ...issue, path: issue.path.slice(3) }).text}`;
    return `${where}: ${issue.path.slice(2).join('.') || 'item'}: ${issue.message}`;
  }
  return `${issue.path.join('.') || 'The file'}: ${issue.message}`;
}

function titleAt(input: unknown, index: number): string | undefined {
  const content: unknown = typeof input === 'object' && input !== null ? Reflect.get(input, 'content') : undefined;
  const item: unknown = Array.isArray(content) ? content[index] : undefined;
  const document: unknown = typeof item === 'object' && item !== null ? Reflect.get(item, 'document') : undefined;
  const title: unknown = typeof document === 'object' && document !== null ? Reflect.get(document, 'title') : undefined;
  return typeof title === 'string' && title.trim() ? title : undefined;
}

const itemName = (index: number, title: string | undefined): string => `Item ${index + 1}${title ? ` ("${title}")` : ''}`;

async function bundleProblems(editorial: SiteEditorial, trx: Executor, bundle: SiteBundle, options: { publish: boolean }): Promise<string[]> {
  const problems: string[] = [];
  const db = editorialDb(trx);
  const goesLive = (item: SiteBundle['content'][number]) => options.publish && item.published;

  const firstIndex = new Map<string, number>();
  bundle.content.forEach((item, i) => {
    const before = firstIndex.get(item.id);
    if (before !== undefined) problems.push(`${itemName(i, item.document.title)}: the id ${item.id} is also used by item ${before + 1}`);
    else firstIndex.set(item.id, i);
  });
  // A repeated id is reported once, above; the checks below look at each id's first item only.
  const items = bundle.content.flatMap((item, i) => (firstIndex.get(item.id) === i ? [{ item, i }] : []));
  const fromPaths = new Set<string>();
  for (const r of bundle.redirects) {
    if (fromPaths.has(r.from)) problems.push(`Redirect from ${r.from}: there is more than one redirect from this address`);
    fromPaths.add(r.from);
  }

  const ids = bundle.content.map((c) => c.id);
  const existing = ids.length ? await db.selectFrom('site_content').select(['id', 'type']).where('id', 'in', ids).execute() : [];
  const existingType = new Map(existing.map((e) => [e.id, e.type]));
  const existingTopics = await db.selectFrom('site_content').select('id').where('type', '=', 'topic').execute();
  const liveTopics = await db.selectFrom('site_published').select('content_id').where('type', '=', 'topic').execute();
  const topics = new Set([...existingTopics.map((t) => t.id), ...bundle.content.filter((c) => c.document.type === 'topic').map((c) => c.id)]);
  const live = new Set([...liveTopics.map((t) => t.content_id), ...bundle.content.filter((c) => c.document.type === 'topic' && goesLive(c)).map((c) => c.id)]);

  const book = await editorial.addressBook(trx, { redirects: bundle.redirects.map((r) => r.from) });
  for (const { item } of items) {
    book.set(item.id, 'latest', item.document);
    if (goesLive(item)) book.set(item.id, 'live', item.document);
  }

  items.forEach(({ item, i }) => {
    const where = itemName(i, item.document.title);
    const type = existingType.get(item.id);
    if (type && type !== item.document.type) problems.push(`${where}: it is a ${item.document.type}, but the item with this id on the site is a ${type}`);
    const clash = book.clash(item.id, item.document);
    if (clash) problems.push(`${where}: the address ${clash.path} is also used by ${clash.by === 'content' ? 'another page' : clash.by === 'redirect' ? 'a redirect' : 'another part of the website'}`);
    for (const ref of topicReferences(item.document)) {
      if (ref.id === item.id) problems.push(`${where}: it refers to itself as a topic`);
      else if (!topics.has(ref.id)) problems.push(`${where}: it refers to the topic ${ref.id}, which is neither in the file nor on the site`);
      else if (goesLive(item) && !live.has(ref.id)) problems.push(`${where}: publish the topic ${ref.id} too, or import this item unpublished`);
    }
    for (const href of new Set(brokenLinks(item.document, (path) => book.resolves(path)).map((l) => l.href))) {
      problems.push(`${where}: the link to ${href} goes to a page that does not exist`);
    }
  });
  for (const link of bundle.menus) {
    const path = internalPath(link.href);
    if (path !== null && !book.resolves(path)) problems.push(`The ${link.menu} menu link "${link.text}" goes to ${link.href}, a page that does not exist`);
  }
  return problems;
}

async function write(services: Services, trx: Executor, bundle: SiteBundle, editor: Editor, options: { publish: boolean }): Promise<{ created: number; updated: number }> {
  const db = editorialDb(trx);
  const now = new Date();
  const settings = { name: bundle.settings.name, tagline: bundle.settings.tagline, logo_url: bundle.settings.logoUrl, updated_at: now };
  await db.insertInto('site_settings').values(settings).onConflict((oc) => oc.column('singleton').doUpdateSet(settings)).execute();
  await db.deleteFrom('site_menu_links').execute();
  const menus = bundle.menus.map((m, i) => ({ menu: m.menu, position: i, text: m.text, href: m.href }));
  if (menus.length) await db.insertInto('site_menu_links').values(menus).execute();
  await db.deleteFrom('site_redirects').execute();
  if (bundle.redirects.length) {
    await db
      .insertInto('site_redirects')
      .values(bundle.redirects.map((r) => ({ from_path: r.from, to_path: r.to, permanent: r.permanent, created_by: editor.actorId })))
      .execute();
  }

  const ids = bundle.content.map((c) => c.id);
  const current = ids.length
    ? await latestVersions(trx)
        .select(['c.id', 'c.latest_version', 'c.published_version', 'v.document'])
        .where('c.id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(current.map((c) => [c.id, c]));
  let created = 0;
  let updated = 0;
  let published = 0;
  for (const item of bundle.content) {
    const found = byId.get(item.id);
    let version = found?.latest_version ?? 1;
    const document = JSON.stringify(item.document);
    if (!found) {
      await db.insertInto('site_content').values({ id: item.id, type: item.document.type, path: item.document.path, latest_version: 1, created_by: editor.actorId }).execute();
      await db.insertInto('site_content_versions').values({ content_id: item.id, version, document, author_id: editor.actorId, note: 'Imported' }).execute();
      created += 1;
    } else if (JSON.stringify(contentDocumentSchema.parse(found.document)) !== document) {
      // The same content imported again makes no new version, so seeding twice leaves history alone.
      version += 1;
      await db.updateTable('site_content').set({ path: item.document.path, latest_version: version, updated_at: now }).where('id', '=', item.id).execute();
      await db.insertInto('site_content_versions').values({ content_id: item.id, version, document, author_id: editor.actorId, note: 'Imported' }).execute();
      updated += 1;
    }
    if (options.publish && item.published && found?.published_version !== version) {
      await putPublished(trx, { id: item.id, version, document: item.document });
      await db.updateTable('site_content').set({ published_version: version, updated_at: now }).where('id', '=', item.id).execute();
      await services.audit.record(
        { actorId: editor.actorId, action: 'site.published', subjectType: 'site_content', subjectId: item.id, details: { version, title: item.document.title, path: item.document.path, by: 'import' } },
        trx,
      );
      published += 1;
    }
  }
  await services.audit.record(
    { actorId: editor.actorId, action: 'site.imported', subjectType: 'site', subjectId: 'content', details: { items: bundle.content.length, created, updated, published, menus: menus.length, redirects: bundle.redirects.length } },
    trx,
  );
  return { created, updated };
}
