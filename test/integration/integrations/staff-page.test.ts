import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContractorOpen311 } from '../../support/contractor-open311.ts';
import { signedInAs } from '../identity/support/identity.ts';
import { enqueue, integrationsPlatform, setRoute, settled, type IntegrationsTest } from './support.ts';

/** The text of a table's rows on the page, tags stripped and spaces squeezed. */
function rows(html: string, table: string): string[] {
  const body = new RegExp(`<table class="govuk-table" data-table="${table}">[\\s\\S]*?<tbody[^>]*>([\\s\\S]*?)</tbody>`).exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/&#39;|&rsquo;/g, '’').replace(/\s+/g, ' ').trim());
}

describe('the staff page for reports sent to contractors', () => {
  let test: IntegrationsTest;
  let contractor: ContractorOpen311;

  before(async () => {
    contractor = await ContractorOpen311.start({ apiKey: 'staff-key' });
    Object.assign(process.env, { STAFF_TEST_URL: contractor.endpoint, STAFF_TEST_KEY: 'staff-key' });
    delete process.env.CONTRACTOR_STREETLIGHTS_OPEN311_URL;
    test = await integrationsPlatform();
    await setRoute(test.t, 'test_lights', { type: 'open311', endpoint: '$STAFF_TEST_URL', apiKeyEnv: 'STAFF_TEST_KEY', serviceCode: 'SL1' });
    await test.t.platform.services.jobs.work(0.5);
  });
  after(async () => {
    await test.t.close();
    await contractor.close();
  });

  it('is for staff who manage integrations: highways officers and administrators', async () => {
    const officer = await signedInAs(test.t, 'officer@example.com', ['highways_officer']);
    assert.equal((await officer.client.get('/staff/integrations')).statusCode, 200);
    const admin = await signedInAs(test.t, 'admin@example.com', ['admin']);
    assert.equal((await admin.client.get('/staff/integrations')).statusCode, 200);
    const editor = await signedInAs(test.t, 'editor@example.com', ['editor']);
    assert.equal((await editor.client.get('/staff/integrations')).statusCode, 403);
    const resident = await signedInAs(test.t, 'resident@example.com');
    assert.equal((await resident.client.get('/staff/integrations')).statusCode, 403);
    const home = await officer.client.get('/staff');
    assert.match(home.body, /<a class="govuk-link" href="\/staff\/integrations">See reports sent to contractors&#39; systems and resend those that failed<\/a>/);
  });

  it('shows where each category goes, and why a route is not in use', async () => {
    const { client } = await signedInAs(test.t, 'officer2@example.com', ['highways_officer']);
    const page = await client.get('/staff/integrations');
    const routes = rows(page.body, 'routes');
    assert.ok(routes.includes('streetlight Open311 to the address in CONTRACTOR_STREETLIGHTS_OPEN311_URL, service streetlight No Not routed: CONTRACTOR_STREETLIGHTS_OPEN311_URL is not set'), routes.join('\n'));
    assert.ok(routes.includes('test_lights Open311 to the address in STAFF_TEST_URL, service SL1 Yes'), routes.join('\n'));
  });

  it('lists a report the contractor refused with its error, and "Resend" sends it once the cause is fixed (audited)', async () => {
    contractor.fail({ kind: 'status', status: 403, body: '<?xml version="1.0"?><errors><error><code>403</code><description>Invalid api_key</description></error></errors>' }, 'post', 1);
    const report = test.reports.add();
    const deliveryId = await enqueue(test, report.id);
    assert.ok(deliveryId);
    await settled(test.integrations, deliveryId, 'failed');

    const { client, userId } = await signedInAs(test.t, 'officer3@example.com', ['highways_officer']);
    const page = await client.get('/staff/integrations');
    assert.equal(page.statusCode, 200);
    const failed = rows(page.body, 'failed');
    assert.ok(failed.some((r) => r.startsWith(`${report.reference} test_lights Open311 to the address in STAFF_TEST_URL, service SL1 1 The contractor answered 403: 403: Invalid api_key`)), failed.join('\n'));
    assert.match(page.body, new RegExp(`action="/staff/integrations/deliveries/${deliveryId}/resend"`));
    assert.match(page.body, new RegExp(`aria-label="Resend report ${report.reference}"`));

    const res = await client.post(`/staff/integrations/deliveries/${deliveryId}/resend`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/staff/integrations');
    const after = await client.follow(res);
    assert.match(after.body, new RegExp(`Report ${report.reference} will be sent again`));

    const sent = await settled(test.integrations, deliveryId, 'sent');
    assert.ok(sent.externalId);
    assert.equal(contractor.requests.filter((r) => r.form.get('attribute[council_reference]') === report.reference).length, 1);
    const audit = await test.t.platform.services.audit.forSubject('integration_delivery', deliveryId);
    assert.deepEqual(audit.map((a) => [a.action, a.actor_id]), [['integrations.delivery_resent', userId]]);

    await test.integrations.polling.pollAll();
    const listed = await client.get('/staff/integrations?status=sent');
    assert.ok(rows(listed.body, 'updates').some((r) => r.startsWith('Open311 at the address in STAFF_TEST_URL')), rows(listed.body, 'updates').join('\n'));
    assert.ok(rows(listed.body, 'deliveries').some((r) => r.startsWith(`${report.reference} test_lights`) && r.includes(`Sent ${sent.externalId}`)));
    assert.equal(rows(listed.body, 'failed').length, 0);
  });

  it('says so when the delivery to resend is not a failed one, and does nothing', async () => {
    const report = test.reports.add();
    const deliveryId = await enqueue(test, report.id);
    assert.ok(deliveryId);
    await settled(test.integrations, deliveryId, 'sent');
    const { client } = await signedInAs(test.t, 'officer4@example.com', ['highways_officer']);
    for (const id of [deliveryId, 'not-a-delivery']) {
      await client.get('/account'); // a page with a form, for a CSRF token: this one has none while nothing has failed
      const after = await client.follow(await client.post(`/staff/integrations/deliveries/${id}/resend`));
      assert.match(after.body, /That report is no longer in the list of reports that could not be sent/);
    }
    assert.equal(contractor.requests.filter((r) => r.form.get('attribute[council_reference]') === report.reference).length, 1);
  });

  it('refuses "Resend" to staff without the permission', async () => {
    const { client } = await signedInAs(test.t, 'editor2@example.com', ['editor']);
    await client.get('/staff');
    const res = await client.post('/staff/integrations/deliveries/00000000-0000-0000-0000-000000000000/resend');
    assert.equal(res.statusCode, 403);
  });
});
