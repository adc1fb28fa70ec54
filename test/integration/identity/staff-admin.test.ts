import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { errorSummary } from '../../support/client.ts';
import { heading, PASSWORD, signedInAs } from './support/identity.ts';

describe('the staff home page and managing staff roles', () => {
  let t: TestPlatform;
  before(async () => {
    t = await createTestPlatform({ STAFF_2FA: 'optional' });
  });
  after(async () => t.close());

  const rolesOf = async (userId: string) =>
    (await t.platform.services.db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute()).map((r) => r.role);

  it('lists what a member of staff can do, with links to the pages they can use', async () => {
    const { client: admin } = await signedInAs(t, 'boss@example.com', ['admin']);
    const page = await admin.get('/staff');
    assert.equal(page.statusCode, 200);
    assert.equal(heading(page.body), 'Staff home');
    assert.match(page.body, /with the role: Administrator/);
    assert.match(page.body, /<a class="govuk-link" href="\/admin\/users">Manage staff accounts and roles<\/a>/);
    assert.match(page.body, /Read and verify the audit log/);

    const { client: editor } = await signedInAs(t, 'writer@example.com', ['editor', 'publisher']);
    const editorPage = await editor.get('/staff');
    assert.match(editorPage.body, /with the roles: Content editor, Content publisher/);
    assert.doesNotMatch(editorPage.body, /admin\/users/);
  });

  it('lists staff, finds a person by email, and changes their roles, auditing the change', async () => {
    const { client, userId: adminId } = await signedInAs(t, 'chief@example.com', ['admin']);
    const personId = await t.platform.services.accounts.createVerifiedUser({ email: 'Newcomer@example.com', password: PASSWORD, name: 'Nia Newcomer' }, { userId: null });
    const list = await client.get('/admin/users');
    assert.equal(heading(list.body), 'Staff accounts');
    assert.match(list.body, /chief@example\.com/);
    assert.doesNotMatch(list.body, /Newcomer@example\.com/, 'residents are not listed');

    const notFound = await client.post('/admin/users', { email: 'ghost@example.com' });
    assert.equal(notFound.statusCode, 400);
    assert.deepEqual(errorSummary(notFound.body), ['No account uses this email address']);
    const badEmail = await client.post('/admin/users', { email: 'ghost' });
    assert.deepEqual(errorSummary(badEmail.body), ['Enter an email address in the correct format, like name@example.com']);
    const found = await client.post('/admin/users', { email: 'newcomer@EXAMPLE.com' });
    assert.equal(found.statusCode, 303);
    assert.equal(found.headers.location, `/admin/users/${personId}`);

    const person = await client.follow(found);
    assert.equal(heading(person.body), 'Nia Newcomer');
    assert.match(person.body, /name="roles" type="checkbox" value="inspector"/);
    const saved = await client.post(`/admin/users/${personId}`, { roles: ['inspector', 'highways_officer'] });
    assert.equal(saved.statusCode, 303);
    assert.match((await client.follow(saved)).body, /Roles updated for Nia Newcomer/);
    assert.deepEqual(await rolesOf(personId), ['highways_officer', 'inspector']);
    assert.match((await client.get('/admin/users')).body, /Newcomer@example\.com/);

    await client.get(`/admin/users/${personId}`);
    await client.post(`/admin/users/${personId}`, { roles: 'inspector' });
    assert.deepEqual(await rolesOf(personId), ['inspector']);
    const audit = (await t.platform.services.audit.forSubject('user', personId)).filter((r) => r.action === 'account.roles_changed');
    assert.deepEqual(
      audit.map((r) => [r.actor_id, r.details]),
      [
        [adminId, { added: ['inspector', 'highways_officer'], removed: [] }],
        [adminId, { added: [], removed: ['highways_officer'] }],
      ],
    );
  });

  it('refuses unknown roles, removing your own Administrator role, and people who do not exist', async () => {
    const { client, userId } = await signedInAs(t, 'careful-admin@example.com', ['admin']);
    await client.get(`/admin/users/${userId}`);
    const unknown = await client.post(`/admin/users/${userId}`, { roles: ['admin', 'emperor'] });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(errorSummary(unknown.body), ['Select roles from the list']);
    const self = await client.post(`/admin/users/${userId}`, { roles: ['editor'] });
    assert.equal(self.statusCode, 400);
    assert.deepEqual(errorSummary(self.body), ['You cannot remove your own Administrator role. Ask another administrator to do it']);
    assert.deepEqual(await rolesOf(userId), ['admin']);

    assert.equal((await client.get('/admin/users/not-a-uuid')).statusCode, 404);
    assert.equal((await client.get('/admin/users/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    await client.get(`/admin/users/${userId}`);
    assert.equal((await client.post('/admin/users/00000000-0000-4000-8000-000000000000', { roles: 'editor' })).statusCode, 404);
  });
});
