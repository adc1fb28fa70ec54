import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

export const root = path.resolve(import.meta.dirname, '..');

export interface Server {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `lastmile serve` as its own process (so load and server do not share an event loop). */
export async function startLastmile(env: Record<string, string>, port: number): Promise<Server> {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'bin/lastmile.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', DEMO_SEED: 'false', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForReady(url, child);
  return { url, child, stop: (signal = 'SIGTERM') => stopChild(child, signal) };
}

export async function startNode(script: string, args: string[], port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitForReady(url, child, '/');
  return { url, child, stop: (signal = 'SIGTERM') => stopChild(child, signal) };
}

async function waitForReady(url: string, child: ChildProcess, probe = '/health/ready'): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url + probe);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become ready`);
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export function freshDir(name: string): string {
  const dir = path.join(root, '.bench-data', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function load(url: string, opts: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const result = await autocannon({ url, connections: opts.connections, duration: opts.seconds, headers: opts.headers });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Cookies from a fetch Response, as a Cookie header value. */
export function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export function csrfFrom(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

/**
 * Lets the load run for `seconds`, then kills the server and its PostgreSQL with SIGKILL at once (a power cut),
 * stops the load and waits for both to be gone. Returns the postmaster's pid, for the report.
 */
export async function killUnderLoad(opts: { server: Server; dataDir: string; seconds: number; load: Promise<unknown>[]; stopLoad: () => void }): Promise<number> {
  await new Promise((r) => setTimeout(r, opts.seconds * 1000));
  const postmasterPid = Number(readFileSync(path.join(opts.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  opts.server.child.kill('SIGKILL');
  process.kill(postmasterPid, 'SIGKILL');
  opts.stopLoad();
  await Promise.allSettled(opts.load);
  await opts.server.stop();
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(postmasterPid, 0);
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return postmasterPid;
}
