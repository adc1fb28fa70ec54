import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';

describe('the audit log', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform();
    const { audit } = t.platform.services;
    for (let i = 0; i < 25; i++) {
      await audit.record({ action: 'test.event', subjectType: 'thing', subjectId: String(i), details: { n: i, nested: { b: 1, a: [1, 2] } } });
    }
  });
  after(async () => t.close());

  it('verifies an untouched chain', async () => {
    const result = await t.platform.services.audit.verify();
    assert.deepEqual(result, { ok: true, rows: 25, lastId: 25 });
  });

  it('records in the caller’s transaction, so a rolled-back change leaves no entry', async () => {
    const { db, audit } = t.platform.services;
    await db
      .transaction()
      .execute(async (trx) => {
        await audit.record({ action: 'test.rolled_back' }, trx);
        throw new Error('abandon');
      })
      .catch(() => undefined);
    const rows = await db.selectFrom('audit_log').select('id').where('action', '=', 'test.rolled_back').execute();
    assert.equal(rows.length, 0);
    assert.equal((await audit.verify()).ok, true);
  });

  it('refuses UPDATE and DELETE through the product’s own database user', async () => {
    const { db } = t.platform.services;
    await assert.rejects(sql`update audit_log set action = 'x' where id = 3`.execute(db), /append-only/);
    await assert.rejects(sql`delete from audit_log where id = 3`.execute(db), /append-only/);
  });

  it('reports the first broken link after an UPDATE behind the product’s back', async () => {
    const { db, audit } = t.platform.services;
    await tamper(db, sql`update audit_log set details = '{"n": 999}' where id = 7`);
    const result = await audit.verify();
    assert.equal(result.ok, false);
    assert.equal(result.ok === false && result.brokenAt, 7);
  });

  it('reports the row after a DELETE behind the product’s back', async () => {
    const { db, audit } = t.platform.services;
    await tamper(db, sql`update audit_log set details = ${JSON.stringify({ n: 6, nested: { b: 1, a: [1, 2] } })} where id = 7`);
    assert.equal((await audit.verify()).ok, true, 'restoring the row restores the chain');
    await tamper(db, sql`delete from audit_log where id = 12`);
    const result = await audit.verify();
    assert.equal(result.ok === false && result.brokenAt, 13);
  });
});

/** A superuser can switch the trigger off, as an attacker with database access could. */
async function tamper(db: TestPlatform['platform']['services']['db'], change: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
    await change.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
  });
}
