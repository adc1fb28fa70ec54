import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';

async function waitFor<T>(check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the job queue', () => {
  let t: TestPlatform;
  const ran: string[] = [];
  let failuresLeft = 0;

  before(async () => {
    t = await createTestPlatform();
    const { jobs } = t.platform.services;
    jobs.define<{ note: string }>({ name: 'test.record', handler: async (d) => void ran.push(d.note) });
    jobs.define<{ note: string }>({
      name: 'test.flaky',
      retryLimit: 1,
      retryDelay: 1,
      retryBackoff: false,
      handler: async (d) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('contractor system unavailable');
        }
        ran.push(d.note);
      },
    });
    await jobs.work(0.5);
  });
  after(async () => t.close());

  it('enqueues a job only when the transaction that made it commits', async () => {
    const { db, jobs } = t.platform.services;
    await db
      .transaction()
      .execute(async (trx) => {
        await jobs.send(trx, 'test.record', { note: 'rolled back' });
        throw new Error('abandon');
      })
      .catch(() => undefined);
    await db.transaction().execute(async (trx) => {
      await jobs.send(trx, 'test.record', { note: 'committed' });
    });
    await waitFor(async () => (ran.includes('committed') ? true : undefined));
    const rolledBack = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where data->>'note' = 'rolled back'`.execute(db);
    assert.equal(rolledBack.rows[0]?.n, 0);
    assert.ok(!ran.includes('rolled back'));
  });

  it('retries, then lists the job as failed, and runs it again on retry', async () => {
    const { db, jobs } = t.platform.services;
    failuresLeft = 2; // the first try and its one retry fail
    const id = await db.transaction().execute((trx) => jobs.send(trx, 'test.flaky', { note: 'flaky done' }));
    const failed = await waitFor(async () => (await jobs.failed()).find((j) => j.id === id));
    assert.equal(failed.name, 'test.flaky');
    assert.equal(failed.retryCount, 1);
    assert.match(failed.error, /contractor system unavailable/);
    await jobs.retry(failed.name, failed.id);
    await waitFor(async () => (ran.includes('flaky done') ? true : undefined));
    assert.equal((await jobs.failed()).some((j) => j.id === id), false);
  });

  it('refuses to send a job nobody defined', async () => {
    const { db, jobs } = t.platform.services;
    await assert.rejects(db.transaction().execute((trx) => jobs.send(trx, 'test.unknown', {})), /No job called test.unknown/);
  });
});
