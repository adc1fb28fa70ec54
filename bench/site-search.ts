/**
 * Site search over 10,000 published pages: the queries residents type (plain, misspelt, through a synonym, and ones
 * that find nothing), run one after another through SiteSearch as the /search page runs them (spelling check, best
 * bets, ranked page of results, miss log). Baseline in the same run: a bare `tsv @@ plainto_tsquery` over the same
 * table returning the first 20 rows. Goal: p95 ≤ 30 ms.
 * Run: npm run bench:site:search   (PAGES=10000 ROUNDS=40; FRESH=1 makes the pages again)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { sql } from 'kysely';
import { platformMigrations } from '../src/app.ts';
import { loadConfig } from '../src/platform/config/index.ts';
import { connect } from '../src/platform/db/database.ts';
import { useEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { SeededRandom } from '../src/platform/geo/prng.ts';
import { buildServices } from '../src/platform/services.ts';
import { modules } from '../src/modules/index.ts';
import { contentDocumentSchema, type ContentDocument } from '../src/modules/site/contracts.ts';
import { putPublished } from '../src/modules/site/published.ts';
import { SiteSearch } from '../src/modules/site/search/service.ts';
import { root } from './lib.ts';
import { summary } from './reports-lib.ts';

// Council pages as the words of their service areas: titles an editor would write, bodies of a few paragraphs.
const AREAS: { area: string; things: string[]; words: string[] }[] = [
  { area: 'bins-and-recycling', things: ['bin collection', 'recycling', 'garden waste', 'bulky waste', 'missed bin', 'new bin', 'food waste', 'household waste recycling centre'], words: ['collection', 'day', 'fortnight', 'green', 'grey', 'blue', 'lid', 'kerb', 'crew', 'sack', 'caddy', 'subscription', 'tip', 'permit', 'van'] },
  { area: 'council-tax', things: ['council tax', 'council tax discount', 'council tax bands', 'council tax support', 'single person discount', 'direct debit'], words: ['bill', 'band', 'payment', 'instalment', 'arrears', 'exemption', 'valuation', 'reduction', 'refund', 'account', 'liability', 'occupier'] },
  { area: 'roads-and-transport', things: ['pothole', 'streetlight', 'parking permit', 'road closure', 'gritting', 'dropped kerb', 'blue badge', 'bus pass'], words: ['road', 'pavement', 'junction', 'repair', 'defect', 'traffic', 'resident', 'visitor', 'salt', 'route', 'winter', 'footway', 'signs', 'lamp'] },
  { area: 'planning', things: ['planning application', 'building control', 'planning permission', 'listed building', 'tree preservation order', 'local plan'], words: ['application', 'extension', 'objection', 'decision', 'appeal', 'consultation', 'neighbour', 'drawings', 'fee', 'inspection', 'conservation'] },
  { area: 'housing', things: ['housing benefit', 'homelessness', 'housing register', 'disabled facilities grant', 'private renting', 'repairs'], words: ['tenancy', 'landlord', 'rent', 'eviction', 'bedroom', 'priority', 'band', 'adaptation', 'damp', 'mould', 'deposit', 'licence'] },
  { area: 'libraries', things: ['library opening hours', 'library card', 'ebooks', 'study space', 'local history', 'mobile library'], words: ['borrow', 'renew', 'reservation', 'computer', 'printing', 'storytime', 'archive', 'membership', 'audiobook', 'volunteer', 'reading'] },
  { area: 'schools', things: ['school admissions', 'free school meals', 'school transport', 'term dates', 'school appeals', 'childcare'], words: ['pupil', 'place', 'catchment', 'primary', 'secondary', 'nursery', 'application', 'deadline', 'offer', 'uniform', 'holiday', 'funding'] },
  { area: 'parks', things: ['allotment', 'park events', 'sports pitches', 'playgrounds', 'dog fouling', 'tree works'], words: ['green', 'space', 'booking', 'waiting', 'list', 'ranger', 'litter', 'bench', 'football', 'tennis', 'cafe', 'toilets'] },
];
const OPENERS = ['Apply for', 'Report', 'Pay for', 'Find out about', 'Check', 'Change your', 'Cancel', 'Book', 'Get help with', 'Guide to'];
const LINKERS = ['You can', 'We will', 'If you need to', 'Most people', 'Before you start', 'It usually takes', 'Contact us if', 'You must', 'We aim to', 'Find out how to'];

const wanted = Number(process.env.PAGES ?? 10_000);
const rounds = Number(process.env.ROUNDS ?? 40);
const dataDir = path.join(root, '.bench-data', 'site-search');
if (process.env.FRESH) rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const embedded = await useEmbeddedPostgres({ dataDir, port: 54475 });
const database = connect(embedded.url, 4);
try {
  await migrate(database.pool, [...platformMigrations, ...modules.flatMap((m) => (m.migrations ? [{ owner: m.name, dir: m.migrations }] : []))]);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SESSION_SECRET: randomBytes(32).toString('hex'), DATABASE_URL: embedded.url, DEMO_SEED: 'false' });
  const services = buildServices(config, pino({ level: 'silent' }), database.db, database.pool, embedded.url);
  const { db } = database;

  const have = Number((await sql<{ n: string }>`select count(*) as n from site_published`.execute(db)).rows[0]?.n ?? 0);
  if (have < wanted) {
    const started = performance.now();
    const random = new SeededRandom(have + 1);
    const batch = 250;
    for (let done = have; done < wanted; done += batch) {
      await db.transaction().execute(async (trx) => {
        for (let i = done; i < Math.min(wanted, done + batch); i++) await putPublished(trx, { id: uuidFor(i), version: 1, document: page(i, random) });
      });
      process.stdout.write(`\rPublishing pages: ${Math.min(wanted, done + batch).toLocaleString('en-GB')} of ${wanted.toLocaleString('en-GB')}`);
    }
    console.log(`\nPublished ${(wanted - have).toLocaleString('en-GB')} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await sql`insert into site_search_synonyms (words) select array['bin', 'refuse', 'rubbish', 'waste'] where not exists (select 1 from site_search_synonyms)`.execute(db);
  await sql`insert into site_search_best_bets (query, url, position) values ('council tax', ${pathFor(0)}, 1) on conflict do nothing`.execute(db);
  await sql`vacuum analyze site_search_documents`.execute(db);
  await sql`vacuum analyze site_search_words`.execute(db);

  const stats = (await sql<{ documents: string; words: string; size: string }>`
    select (select count(*) from site_search_documents) as documents, (select count(*) from site_search_words) as words,
      pg_size_pretty(pg_total_relation_size('site_search_documents')) as size`.execute(db)).rows[0];
  console.log(`Indexed: ${stats?.documents} documents (${stats?.size} with indexes), vocabulary of ${stats?.words} words; ${rounds} rounds of each query, one at a time`);

  const search = new SiteSearch(services);
  const queries: Record<string, string[]> = {
    typical: ['council tax', 'bin collection', 'planning application', 'parking permit', 'library opening hours', 'pay council tax online', 'report pothole', 'school admissions', 'housing benefit', 'garden waste'],
    typo: ['strretlight', 'councl tax', 'planing application', 'libary', 'recyclng', 'potholl', 'parkng permit', 'alotment'],
    synonym: ['rubbish collection', 'refuse day', 'missed rubbish', 'waste permit'],
    'no result': ['dragon licence', 'xylophone tuition', 'spaceport noise', 'zeppelin mooring'],
  };
  const samples: Record<string, number[]> = {};
  const found: Record<string, number> = {};
  const all: number[] = [];
  for (const list of Object.values(queries)) for (const q of list) await search.search({ query: q }); // warm the caches and the plans
  for (let round = 0; round < rounds; round++) {
    for (const [kind, list] of Object.entries(queries)) {
      for (const q of list) {
        const started = performance.now();
        const results = await search.search({ query: q, page: 1 + (round % 2) });
        const ms = performance.now() - started;
        (samples[kind] ??= []).push(ms);
        all.push(ms);
        found[kind] = (found[kind] ?? 0) + (round === 0 ? results.total : 0);
      }
    }
  }
  const baselineSamples: number[] = [];
  const allQueries = Object.values(queries).flat();
  for (let round = 0; round < rounds; round++) {
    for (const q of allQueries) {
      const started = performance.now();
      await sql`select title, url from site_search_documents where tsv @@ plainto_tsquery('english', ${q}) limit 20`.execute(db);
      baselineSamples.push(performance.now() - started);
    }
  }

  for (const [kind, list] of Object.entries(samples)) print(`${kind} (${((found[kind] ?? 0) / (queries[kind]?.length ?? 1)).toFixed(0)} results a query)`, summary(list));
  const overall = summary(all);
  const baseline = summary(baselineSamples);
  print('all SiteSearch queries', overall);
  print('baseline: bare tsv @@ plainto_tsquery', baseline);
  console.log(`  p95 ratio search ÷ baseline: ${(overall.p95 / baseline.p95).toFixed(1)}; goal p95 ≤ 30 ms: ${overall.p95 <= 30 ? 'met' : 'NOT met'}`);
  const spelling = await search.search({ query: 'strretlight' });
  console.log(`  "strretlight" → ${spelling.correctedQuery ?? '(no correction)'}: ${spelling.total} results, first "${spelling.hits[0]?.title ?? ''}"`);
} finally {
  await database.close();
  await embedded.stop();
}

function print(label: string, s: ReturnType<typeof summary>): void {
  console.log(`  ${label.padEnd(44)} p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms`);
}

function page(i: number, random: SeededRandom): ContentDocument {
  const area = random.pick(AREAS);
  const thing = random.pick(area.things);
  const sentence = () => `${random.pick(LINKERS)} ${Array.from({ length: 6 + Math.floor(random.next() * 10) }, () => random.pick(area.words)).join(' ')} ${thing}.`;
  const paragraphs = Array.from({ length: 3 + Math.floor(random.next() * 6) }, () => Array.from({ length: 2 + Math.floor(random.next() * 3) }, sentence).join(' '));
  return contentDocumentSchema.parse({
    type: 'guide',
    path: pathFor(i),
    title: `${random.pick(OPENERS)} ${thing}${i % 7 === 0 ? ` in ${random.pick(['Heaton', 'Marple', 'Bramhall', 'Reddish', 'Cheadle'])}` : ''}`,
    summary: sentence(),
    fields: { sections: [{ title: 'Overview', slug: 'overview', body: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }] },
  });
}

function pathFor(i: number): string {
  return `/guides/page-${i}`;
}

function uuidFor(i: number): string {
  return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}
