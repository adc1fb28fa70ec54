/**
 * A question page's POST in a ten-page form, through the whole app: session load, CSRF, read and
 * validate four fields, save progress in the session (Postgres), redirect to the next page. Against
 * bare Fastify answering a POST with a redirect, in the same run.
 * Run: npm run bench:forms   (SECONDS=10 CONNECTIONS=10 to change the load)
 */
import path from 'node:path';
import autocannon from 'autocannon';
import { cookiesOf, csrfFrom, freshDir, root, startLastmile, startNode } from './lib.ts';

const seconds = Number(process.env.SECONDS ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 10);
const dataDir = freshDir('forms');
const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: '54460', FORMS_EXTRA_DIR: path.join(root, 'bench/forms') };
const form = '/forms/bench-ten-pages';

interface Visitor {
  cookie: string;
  csrf: string;
}

interface Latency {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  unexpected: number;
}

/** A visitor who has answered pages 1 to 4, so page 5 is theirs to post. */
async function visitor(base: string): Promise<Visitor> {
  let page = await fetch(`${base}${form}/page-1`);
  const cookie = cookiesOf(page);
  let csrf = csrfFrom(await page.text());
  for (let i = 1; i <= 4; i++) {
    const body = new URLSearchParams({ _csrf: csrf, [`answer${i}`]: `Answer ${i}` });
    const res = await fetch(`${base}${form}/page-${i}`, { method: 'POST', body, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    if (res.status !== 303) throw new Error(`page ${i} answered ${res.status}`);
    page = await fetch(`${base}${form}/page-${i + 1}`, { headers: { cookie } });
    csrf = csrfFrom(await page.text());
  }
  return { cookie, csrf };
}

/** Posts for `seconds`, timing every response; autocannon's own percentiles skip p95. */
async function postLoad(url: string, body: (n: number) => { form: string; type: string; cookie?: string }, expected: number): Promise<Latency> {
  const times: number[] = [];
  let unexpected = 0;
  let n = 0;
  let finished: (result: autocannon.Result) => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const options: autocannon.Options = {
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const next = body(n++);
          return { ...request, body: next.form, headers: { ...request.headers, 'content-type': next.type, ...(next.cookie && { cookie: next.cookie }) } };
        },
      },
    ],
  };
  const instance = autocannon(options, (error: unknown, result) => (error ? failed(error) : finished(result)));
  instance.on('response', (_client, status, _bytes, responseTime) => {
    times.push(responseTime);
    if (status !== expected) unexpected += 1;
  });
  const result = await done;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { requests: times.length, requestsPerSecond: result.requests.average, p50: at(0.5), p95: at(0.95), p99: at(0.99), errors: result.errors + result.timeouts, unexpected };
}

const app = await startLastmile(env, 3311);
let full: Latency;
try {
  const visitors = await Promise.all(Array.from({ length: connections }, () => visitor(app.url)));
  // Each post changes the name, so every one saves the session rather than finding it unchanged.
  const pagePost = (n: number) => {
    const v = visitors[n % visitors.length] ?? visitors[0];
    if (!v) throw new Error('no visitors');
    const fields = { _csrf: v.csrf, fullName: `Resident ${n}`, age: String(20 + (n % 60)), 'moved-day': '3', 'moved-month': '4', 'moved-year': '2020', tenure: 'rent' };
    return { form: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded', cookie: v.cookie };
  };
  const check = await fetch(`${app.url}${form}/page-5`, { method: 'POST', body: pagePost(0).form, headers: { cookie: visitors[0]?.cookie ?? '', 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
  if (check.status !== 303 || check.headers.get('location') !== `${form}/page-6`) throw new Error(`page 5 answered ${check.status} ${check.headers.get('location')}`);
  await postLoad(`${app.url}${form}/page-5`, pagePost, 303); // warm up
  full = await postLoad(`${app.url}${form}/page-5`, pagePost, 303);
} finally {
  await app.stop();
}

const bare = await startNode(path.join(root, 'bench/bare-server.ts'), [], 3312);
let baseline: Latency;
try {
  // Bare Fastify reads text bodies but not forms; the body is the same size as the app's.
  const barePost = (n: number) => ({ form: `fullName=Resident+${n}&age=20&moved-day=3&moved-month=4&moved-year=2020&tenure=rent`, type: 'text/plain' });
  await postLoad(`${bare.url}/`, barePost, 302);
  baseline = await postLoad(`${bare.url}/`, barePost, 302);
} finally {
  await bare.stop();
}

const line = (name: string, r: Latency) =>
  `  ${name} ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms (${r.requests} responses, errors ${r.errors}, unexpected status ${r.unexpected})`;
console.log(`Page POST in a ten-page form (4 fields validated, progress saved, 303 to the next page), ${connections} connections, ${seconds} s each`);
console.log(line('full app:    ', full));
console.log(line('bare Fastify:', baseline));
console.log(`  p95 ratio:    ${(full.p95 / baseline.p95).toFixed(1)}× bare Fastify's p95`);
console.log(`  throughput:   ${(full.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)} of bare Fastify's`);
