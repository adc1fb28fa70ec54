import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { auditActions, PASSWORD, signedInAs } from './support/identity.ts';

describe('accounts.deleteAccount', () => {
  let t: TestPlatform;
  const erased: string[] = [];
  let failFor: string | undefined;
  before(async () => {
    t = await createTestPlatform();
    t.platform.services.personalData.addData({
      id: 'test-module',
      export: async () => ({}),
      erase: async (userId) => {
        if (userId === failFor) throw new Error('this module could not erase');
        erased.push(userId);
      },
      retained: [],
    });
  });
  after(async () => t.close());

  it('asks every module to erase, audits the deletion, and removes the account with its sessions and roles', async () => {
    const { client, userId } = await signedInAs(t, 'leaving@example.com', ['editor']);
    const { accounts, db } = t.platform.services;
    await accounts.deleteAccount(userId, { userId, ip: '127.0.0.1' });

    assert.ok(erased.includes(userId));
    assert.equal(await accounts.findByEmail('leaving@example.com'), undefined);
    assert.equal((await db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length, 0);
    assert.equal((await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()).length, 0);
    const actions = await auditActions(t, userId);
    assert.equal(actions.at(-1), 'account.deleted');
    assert.equal((await client.get('/account/change-password')).headers.location, '/sign-in', 'the browser is signed out');
    assert.ok((await t.platform.services.audit.verify()).ok, 'the audit chain is intact');
  });

  it('changes nothing when a module cannot erase its data', async () => {
    const { accounts } = t.platform.services;
    const userId = await accounts.createVerifiedUser({ email: 'stuck@example.com', password: PASSWORD }, { userId: null });
    failFor = userId;
    await assert.rejects(accounts.deleteAccount(userId, { userId }), /could not erase/);
    assert.ok(await accounts.findByEmail('stuck@example.com'));
    assert.ok(!(await auditActions(t, userId)).includes('account.deleted'));
  });
});
