import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { errorSummary, TestClient } from '../../support/client.ts';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import type { LastmileModule } from '../../../src/platform/module.ts';
import { addDays, todayInLondon } from '../../../src/modules/forms/validation/dates.ts';

export { errorSummary };
export { fieldError, signedInResident, visibleText } from '../account/support.ts';

/** A platform with the job queue's tables (submissions enqueue deliveries) and a small gazetteer. */
export async function formsPlatform(env: Record<string, string> = {}, modules: LastmileModule[] = []): Promise<TestPlatform> {
  const t = await createTestPlatform(env, { modules });
  await t.platform.services.jobs.start();
  const place = { usrn: 7000001, line2: 'Heaton Mersey', line3: null, town: 'Stockport', postcode: 'SK4 3DA', lon: -2.2, lat: 53.41, ward_code: 'E05000787', lsoa_code: null };
  await t.platform.services.db
    .insertInto('gazetteer_addresses')
    .values([
      { ...place, uprn: 100011001, line1: '2 Mersey Road' },
      { ...place, uprn: 100011002, line1: '10 Mersey Road' },
      // An address the gazetteer knows outside the borough: no ward.
      { ...place, uprn: 200022001, line1: '1 Piccadilly', line2: null, town: 'Manchester', postcode: 'M1 1AA', ward_code: null },
    ])
    .execute();
  await t.platform.services.db
    .insertInto('gazetteer_streets')
    .values([
      { usrn: 7000001, name: 'Mersey Road', locality: 'Heaton Mersey', town: 'Stockport', ward_code: 'E05000787', responsibility: 'council', geometry: JSON.stringify([[-2.201, 53.41], [-2.199, 53.41]]), lon: -2.2, lat: 53.41 },
      { usrn: 7000002, name: 'Mersey Square', locality: null, town: 'Stockport', ward_code: 'E05000788', responsibility: 'council', geometry: JSON.stringify([[-2.16, 53.409], [-2.158, 53.409]]), lon: -2.159, lat: 53.409 },
    ])
    .execute();
  return t;
}

/** A day relative to today, as the date input's three boxes. */
export function dayParts(name: string, daysFromToday: number): Record<string, string> {
  const day = addDays(todayInLondon(), daysFromToday);
  return { [`${name}-day`]: String(Number(day.slice(8))), [`${name}-month`]: String(Number(day.slice(5, 7))), [`${name}-year`]: day.slice(0, 4) };
}

export function isoDay(daysFromToday: number): string {
  return addDays(todayInLondon(), daysFromToday);
}

/** Posts a page and expects to be sent on to `next`. */
export async function answer(client: TestClient, url: string, form: Record<string, string | string[]>, next: string): Promise<LightMyRequestResponse> {
  await client.get(url);
  const res = await client.post(url, form);
  assert.equal(res.statusCode, 303, `${url} should accept the answers, got ${res.statusCode}: ${errorsIn(res.body)}`);
  assert.equal(res.headers.location, next);
  return res;
}

/** Posts a page and expects it back with these errors in its summary, each also shown by its field. */
export async function refused(client: TestClient, url: string, form: Record<string, string | string[]>, expected: string[]): Promise<LightMyRequestResponse> {
  await client.get(url);
  const res = await client.post(url, form);
  assert.equal(res.statusCode, 400, `${url} should refuse the answers`);
  assert.deepEqual(errorSummary(res.body), expected);
  for (const [, href, text] of res.body.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)) {
    assert.ok(res.body.includes(`id="${href}"`), `the summary links to #${href}, which is on the page`);
    assert.ok((text ?? '').trim() !== '');
  }
  return res;
}

function errorsIn(html: string): string {
  return [...html.matchAll(/<a href="#[^"]+">([^<]*)<\/a>/g)].map((m) => m[1]).join('; ');
}

/** Finds an address by postcode and chooses one, on a page holding an address finder called `name`. */
export async function chooseAddress(client: TestClient, url: string, name: string, uprn: string, next: string, postcode = 'SK4 3DA'): Promise<void> {
  await client.get(url);
  let res = await client.post(url, { [`${name}Step`]: 'postcode', [`${name}Postcode`]: postcode, [`${name}Action`]: 'find' });
  assert.equal(res.statusCode, 200);
  res = await client.post(url, { [`${name}Step`]: 'choose', [`${name}Postcode`]: postcode, [`${name}Uprn`]: uprn });
  assert.equal(res.statusCode, 303, `choosing an address should go on: ${errorsIn(res.body)}`);
  assert.equal(res.headers.location, next);
}

/** The newest message in the outbox to this address. */
export async function lastEmailTo(t: TestPlatform, to: string): Promise<{ subject: string; body: string } | undefined> {
  return (await t.platform.services.notify.recent(100)).find((m) => m.recipient === to);
}

export { TestClient, type TestPlatform };
