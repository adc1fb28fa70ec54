/**
 * Time from `npm start` to the first page: on a fresh DATA_DIR (creates the database, migrates,
 * seeds the demo borough) and again on the same DATA_DIR (an installed checkout).
 * Goal: ≤ 10 s. Run: npm run bench:startup
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freshDir, root } from './lib.ts';

const dataDir = freshDir('startup');
const port = 3341;

async function timeToFirstPage(label: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/lastmile.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: '54480', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        if (res.status === 200 && (await res.text()).includes('online services')) break;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 60_000) throw new Error('no page after 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`${label}: first page after ${seconds.toFixed(2)} s`);
    return seconds;
  } finally {
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
}

const fresh = await timeToFirstPage('Fresh DATA_DIR (create database, migrate, seed demo borough)');
const again = await timeToFirstPage('Installed checkout (database exists)');
console.log(`Goal ≤ 10 s: ${fresh <= 10 && again <= 10 ? 'met' : 'NOT met'}`);
