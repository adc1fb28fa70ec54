import type { LightMyRequestResponse } from 'fastify';
import { seedDemoGazetteer } from '../../../../src/platform/geo/demo.ts';
import { Open311Clients } from '../../../../src/modules/reports/open311/index.ts';
import { createTestPlatform, type TestPlatform } from '../../../support/platform.ts';

export interface Open311Platform extends TestPlatform {
  /** A working key with a generous limit. */
  key: string;
  clientId: string;
  clients: Open311Clients;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, form: Record<string, string | string[]>): Promise<LightMyRequestResponse>;
}

/** The real app on a fresh database, with the demo gazetteer (streets and addresses) and one Open311 client. */
export async function createOpen311Platform(): Promise<Open311Platform> {
  const t = await createTestPlatform();
  // Reports enqueue their follow-up jobs in the same transaction, so the queue's tables must exist.
  await t.platform.services.jobs.start();
  await seedDemoGazetteer(t.platform.services, () => undefined);
  const clients = new Open311Clients(t.platform.services.db);
  const { client, key } = await clients.create({ name: 'Test client', rateLimitPerMinute: 10_000 });
  return {
    ...t,
    key,
    clientId: client.id,
    clients,
    get: (url) => t.app.inject({ method: 'GET', url }),
    post: (url, form) => {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(form)) for (const item of [value].flat()) body.append(name, item);
      return t.app.inject({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } });
    },
  };
}

/** A body as JSON, for a response the test expects to be JSON. */
export function json(res: LightMyRequestResponse): unknown {
  return JSON.parse(res.body);
}

/** A point on a street in the demo borough, inside Stockport. */
export async function pointOnAStreet(t: TestPlatform): Promise<{ lat: string; long: string; usrn: string; name: string }> {
  const street = await t.platform.services.db.selectFrom('gazetteer_streets').select(['usrn', 'name', 'lon', 'lat']).where('responsibility', '=', 'council').orderBy('usrn').executeTakeFirstOrThrow();
  return { lat: String(street.lat), long: String(street.lon), usrn: String(street.usrn), name: street.name };
}
