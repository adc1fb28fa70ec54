/**
 * A website content page (a guide in a topic, with breadcrumbs, related links and a site-wide alert) served by the
 * full app to anonymous visitors, against bare Fastify serving the same bytes, in the same run.
 * Goal (issue #5): ratio ≥ 0.5 and p99 ≤ 25 ms at 50 connections.
 * Run: npm run bench:site   (SECONDS=10 CONNECTIONS=50 to change the load)
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { connect } from '../src/platform/db/database.ts';
import { useEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import { contentDocumentSchema, type ContentDocumentInput } from '../src/modules/site/contracts.ts';
import { putPublished } from '../src/modules/site/published.ts';
import { fromMarkdown } from '../src/modules/site/rich-text/index.ts';
import { freshDir, load, root, startLastmile, startNode } from './lib.ts';

const seconds = Number(process.env.SECONDS ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 50);
const dataDir = freshDir('site-page');
const pgPort = 54451;
const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) };
const pagePath = '/council-tax/discounts-and-exemptions';

const app = await startLastmile(env, 3303);
try {
  await publishGuide();
  const url = `${app.url}${pagePath}`;
  // The change notification empties the cache; wait until the page is the shared, cached one.
  let html = '';
  for (let i = 0; i < 50; i++) {
    const res = await fetch(url);
    html = await res.text();
    if (res.status === 200 && res.headers.get('cache-control')?.startsWith('public') && html.includes('Single person discount')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!html.includes('Single person discount')) throw new Error('the guide page is not being served');
  const bytesFile = path.join(dataDir, 'site-page.html');
  writeFileSync(bytesFile, html);

  await load(url, { connections, seconds: 2 }); // warm up
  const full = await load(url, { connections, seconds });
  await app.stop();

  const bare = await startNode(path.join(root, 'bench/bare-server.ts'), [bytesFile], 3304);
  await load(`${bare.url}/`, { connections, seconds: 2 });
  const baseline = await load(`${bare.url}/`, { connections, seconds });
  await bare.stop();

  const ratio = full.requestsPerSecond / baseline.requestsPerSecond;
  console.log(`Website guide page (${html.length} bytes, anonymous), ${connections} connections, ${seconds} s each`);
  console.log(`  full app:     ${full.requestsPerSecond.toFixed(0)} req/s, p50 ${full.p50} ms, p99 ${full.p99} ms, errors ${full.errors}, non-2xx ${full.non2xx}`);
  console.log(`  bare Fastify: ${baseline.requestsPerSecond.toFixed(0)} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`);
  console.log(`  ratio:        ${ratio.toFixed(2)} (goal ≥ 0.5), p99 ${full.p99} ms (goal ≤ 25 ms)`);
} finally {
  await app.stop();
}

/** A realistic council guide: a topic tree, a four-part guide, a related page and a site-wide alert. */
async function publishGuide(): Promise<void> {
  const pg = await useEmbeddedPostgres({ dataDir, port: pgPort });
  const database = connect(pg.url, 2);
  const put = (id: string, input: ContentDocumentInput) => putPublished(database.db, { id, version: 1, document: contentDocumentSchema.parse(input) });
  try {
    const councilTax = randomUUID();
    const discounts = randomUUID();
    await put(councilTax, { type: 'topic', path: '/council-tax', title: 'Council Tax', summary: 'Pay, check your band, get a discount', fields: { parentId: null, intro: fromMarkdown('Everything about Council Tax.'), featured: [] } });
    await put(discounts, { type: 'topic', path: '/council-tax/help', title: 'Help paying Council Tax', summary: 'Discounts, exemptions and support', fields: { parentId: councilTax, intro: fromMarkdown('Ways to pay less.'), featured: [] } });
    await put(randomUUID(), {
      type: 'start',
      path: '/council-tax/apply-for-support',
      title: 'Apply for Council Tax Support',
      summary: 'Help if you are on a low income',
      topicIds: [discounts],
      fields: { body: fromMarkdown('Apply if you are on a low income or get benefits.'), startUrl: '/forms/council-tax-support' },
    });
    await put(randomUUID(), {
      type: 'alert',
      path: null,
      title: 'Our phone lines are busy',
      summary: 'Use the website where you can',
      fields: { message: fromMarkdown('You can do most things [online](/a-z) without waiting.'), severity: 'information', showFrom: null, showUntil: null },
    });
    const paragraph = (topic: string) =>
      `You could get a reduction on your bill for ${topic}. You need to tell us about any change within 21 days, or you may have to pay a penalty of £70. ` +
      'We will write to you with a new bill, and you can [check your bill online](/council-tax/bill).';
    await put(randomUUID(), {
      type: 'guide',
      path: pagePath,
      title: 'Council Tax discounts and exemptions',
      summary: 'Find out if you can pay less Council Tax, and how to apply',
      topicIds: [discounts, councilTax],
      lgaServiceCodes: [],
      fields: {
        sections: [
          {
            title: 'Overview',
            slug: 'overview',
            body: fromMarkdown(
              `${paragraph('living alone')}\n\n## Single person discount\n\nYou get 25% off if you are the only adult in your home.\n\n- you must be 18 or over\n- students and carers are not counted\n- people with a severe mental impairment are not counted\n\n> Apply within 21 days of your circumstances changing.\n\n## Disabled band reduction\n\n${paragraph('a disability')}\n\n### What counts\n\n1. an extra bathroom or kitchen\n2. a room used mainly by the disabled person\n3. space for a wheelchair indoors\n\n${paragraph('home adaptations')}`,
            ),
          },
          { title: 'Empty properties', slug: 'empty-properties', body: fromMarkdown(paragraph('an empty home')) },
          { title: 'Students', slug: 'students', body: fromMarkdown(paragraph('full-time students')) },
          { title: 'How to apply', slug: 'how-to-apply', body: fromMarkdown(paragraph('applying online')) },
        ],
      },
    });
  } finally {
    await database.close();
  }
}
