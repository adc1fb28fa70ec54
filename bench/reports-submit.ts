/**
 * Report submission through the whole pipeline, over HTTP: POST /bench/reports on the full app
 * (bench/reports-server.ts: validate, locate, then one transaction with the report, its first
 * update, the reporter's subscription and confirmation, the "has it been fixed?" job, the contractor
 * dispatch and the audit entry) against bare Fastify doing one INSERT of the same JSON into the same
 * PostgreSQL (bench/reports-bare.ts), in the same run. Goal: ratio ≥ 0.5.
 * Run: npm run bench:reports:submit   (SECONDS=10 CONNECTIONS=10)
 */
import path from 'node:path';
import autocannon from 'autocannon';
import { root, startNode, type Server } from './lib.ts';
import { benchDatabase, benchReport, boroughPlaces, realisticPlaces } from './reports-lib.ts';

const seconds = Number(process.env.SECONDS ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 10);

const bench = await benchDatabase('reports-submit', 54490);
const bodies = realisticPlaces(2000, await boroughPlaces(bench.database.pool), 5).map((place, i) => JSON.stringify(benchReport(place, i, 'Reported by the benchmark')));
await bench.database.close();
process.env.DATABASE_URL = bench.url;

try {
  const full = await measure(await startNode(path.join(root, 'bench/reports-server.ts'), [], 3351), '/bench/reports');
  const bare = await measure(await startNode(path.join(root, 'bench/reports-bare.ts'), [], 3352), '/');
  const ratio = full.requestsPerSecond / bare.requestsPerSecond;
  console.log(`Report submission, ${connections} connections, ${seconds} s each, POST with JSON`);
  console.log(`  full pipeline: ${full.requestsPerSecond.toFixed(0)} reports/s, p50 ${full.p50} ms, p99 ${full.p99} ms, errors ${full.errors}, non-2xx ${full.non2xx}`);
  console.log(`  bare INSERT:   ${bare.requestsPerSecond.toFixed(0)} reports/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms, errors ${bare.errors}, non-2xx ${bare.non2xx}`);
  console.log(`  ratio:         ${ratio.toFixed(2)} (goal ≥ 0.5)`);
} finally {
  await bench.embedded.stop();
}

async function measure(server: Server, route: string) {
  try {
    await load(server.url + route, 2); // warm up
    return await load(server.url + route, seconds);
  } finally {
    await server.stop();
  }
}

async function load(url: string, duration: number) {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}
