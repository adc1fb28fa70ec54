import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContractorOpen311 } from '../../support/contractor-open311.ts';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { seedDemoGazetteer } from '../../../src/platform/geo/demo.ts';
import { reports, type NewReport } from '../../../src/modules/reports/index.ts';
import { integrationsService } from '../../../src/modules/integrations/index.ts';
import { FAST, setRoute, settled, waitFor } from './support.ts';

/** The whole flow with the real reports core: submit → contractor → their update → the report. */
describe('contractor integration with the reports core', () => {
  let t: TestPlatform;
  let contractor: ContractorOpen311;
  let point: { lon: number; lat: number };

  before(async () => {
    contractor = await ContractorOpen311.start({ apiKey: 'highways-key' });
    Object.assign(process.env, { CORE_TEST_URL: contractor.endpoint, CORE_TEST_KEY: 'highways-key' });
    t = await createTestPlatform({ STAFF_2FA: 'optional', ...FAST });
    await seedDemoGazetteer(t.platform.services, () => undefined);
    await setRoute(t, 'pothole', { type: 'open311', endpoint: '$CORE_TEST_URL', apiKeyEnv: 'CORE_TEST_KEY', serviceCode: 'POT' });
    await setRoute(t, 'blocked_drain', { type: 'open311', endpoint: '$CORE_TEST_URL', apiKeyEnv: 'CORE_TEST_KEY', serviceCode: 'GULLY' });
    const street = await t.platform.services.db.selectFrom('gazetteer_streets').select(['lon', 'lat']).where('responsibility', '=', 'council').orderBy('usrn').executeTakeFirstOrThrow();
    point = { lon: street.lon, lat: street.lat };
    await t.platform.services.jobs.work(0.5);
  });
  after(async () => {
    await t.close();
    await contractor.close();
  });

  function pothole(description: string): NewReport {
    return {
      categoryCode: 'pothole',
      ...point,
      description,
      answers: { size: 'large', depth: 'deep', where: 'road' },
      photoFileIds: [],
      reporter: { name: 'Grace Hopper', email: 'grace@example.org', showName: false },
      channel: 'web',
    };
  }

  it('sends a submitted report to its contractor once, and applies the contractor’s updates to it once', async () => {
    const core = reports(t.platform.services);
    const integrations = integrationsService(t.platform.services);
    const submitted = await core.pipeline.submit(pothole('A deep pothole by the bus stop'));

    const [delivery] = await integrations.dispatch.deliveriesFor(submitted.id);
    assert.ok(delivery, 'the submit made a delivery in its transaction');
    const sent = await settled(integrations, delivery.id, 'sent');
    const posted = contractor.requests.filter((r) => r.form.get('attribute[council_reference]') === submitted.reference);
    assert.equal(posted.length, 1);
    assert.equal(posted[0]?.form.get('attribute[size]'), 'large');
    assert.equal(posted[0]?.form.get('email'), 'grace@example.org');
    assert.equal(sent.externalId, posted[0]?.serviceRequestId);

    assert.ok(sent.externalId);
    contractor.addUpdate(sent.externalId, 'ACTION_SCHEDULED', 'A crew will fill it on Tuesday', new Date(Date.now() - 3000));
    contractor.addUpdate(sent.externalId, 'FIXED', 'Filled', new Date(Date.now() - 2000));
    const [outcome] = await integrations.polling.pollAll();
    assert.equal(outcome?.applied, 2);
    const again = await integrations.polling.pollAll();
    assert.equal(again[0]?.applied, 0, 'the overlap brings the same updates back; none is applied twice');

    const report = await core.records.find(submitted.id);
    assert.equal(report?.state, 'fixed');
    const updates = await core.records.updates(submitted.id);
    const fromContractor = updates.filter((u) => u.author.kind === 'contractor');
    assert.deepEqual(fromContractor.map((u) => [u.fromState, u.toState, u.text]), [
      ['open', 'action_scheduled', 'A crew will fill it on Tuesday'],
      ['action_scheduled', 'fixed', 'Filled'],
    ]);
  });

  it('does not let a contractor reopen a report staff have closed', async () => {
    const core = reports(t.platform.services);
    const integrations = integrationsService(t.platform.services);
    const submitted = await core.pipeline.submit(pothole('Another pothole'));
    const [delivery] = await integrations.dispatch.deliveriesFor(submitted.id);
    assert.ok(delivery);
    const sent = await settled(integrations, delivery.id, 'sent');
    assert.ok(sent.externalId);
    const closed = await core.updates.apply({ reportId: submitted.id, from: 'open', to: 'closed_no_further_action', publicText: 'Within our standards', actor: { kind: 'system', id: null } });
    assert.equal(closed.outcome, 'applied');

    contractor.addUpdate(sent.externalId, 'IN_PROGRESS', 'On our way', new Date(Date.now() - 2000));
    await integrations.polling.pollAll();
    assert.equal((await core.records.find(submitted.id))?.state, 'closed_no_further_action');
  });

  it('sends a report moved to a category with another contractor route on to it', async () => {
    const core = reports(t.platform.services);
    const integrations = integrationsService(t.platform.services);
    const submitted = await core.pipeline.submit(pothole('It is really a blocked drain'));
    const [first] = await integrations.dispatch.deliveriesFor(submitted.id);
    assert.ok(first);
    await settled(integrations, first.id, 'sent');

    const staffId = await t.platform.services.accounts.createVerifiedUser({ email: 'officer@example.com', password: 'correct horse battery staple', roles: ['highways_officer'] }, { userId: null });
    const moved = await core.updates.changeCategory(submitted.id, 'blocked_drain', staffId);
    assert.equal(moved.ok, true);
    const second = await waitFor(async () => (await integrations.dispatch.deliveriesFor(submitted.id)).find((d) => d.categoryCode === 'blocked_drain'));
    await settled(integrations, second.id, 'sent');
    const codes = contractor.requests.filter((r) => r.form.get('attribute[council_reference]') === submitted.reference).map((r) => r.serviceCode);
    assert.deepEqual(codes, ['POT', 'GULLY']);
  });
});
