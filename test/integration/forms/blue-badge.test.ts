import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answer, dayParts, formsPlatform, lastEmailTo, refused, TestClient, visibleText, type TestPlatform } from './support.ts';

const form = '/forms/blue-badge-eligibility';
const contact = { name: 'Pat Resident', ...dayParts('dateOfBirth', -20000), email: 'pat@example.org', postcode: 'SK4 3DA' };

describe('Apply for a blue badge – check if you are eligible', () => {
  let t: TestPlatform;
  before(async () => {
    t = await formsPlatform();
  });
  after(async () => t.close());

  it('needs no assessment with 8 or more PIP points', async () => {
    const client = new TestClient(t.app);
    await answer(client, `${form}/pip`, { getsPip: 'yes' }, `${form}/pip-points`);
    await answer(client, `${form}/pip-points`, { pipPoints: '10' }, `${form}/eligible`);
    const eligible = await client.get(`${form}/eligible`);
    assert.match(eligible.body, /<h1 class="govuk-heading-l">You can get a blue badge without an assessment<\/h1>/);
    await answer(client, `${form}/eligible`, {}, `${form}/contact`);
    await answer(client, `${form}/contact`, contact, `${form}/check-answers`);
    const check = visibleText((await client.get(`${form}/check-answers`)).body);
    assert.match(check, /How many points did you score for ‘Moving around’\? 10 points/);
    assert.doesNotMatch(check, /How far can you walk/);
    await refused(client, `${form}/check-answers`, {}, ['Confirm that the information you have given is correct']);
    const sent = await client.post(`${form}/check-answers`, { declaration: 'yes' });
    assert.equal(sent.headers.location, `${form}/confirmation`);
    assert.match(visibleText((await client.get(`${form}/confirmation`)).body), /Eligibility check sent/);
    assert.match((await lastEmailTo(t, 'pat@example.org'))?.body ?? '', /Your reference number is [2-9A-Z-]{11}/);
  });

  it('asks about walking without PIP, and shows a follow-up only when it applies', async () => {
    const client = new TestClient(t.app);
    await answer(client, `${form}/pip`, { getsPip: 'no' }, `${form}/walking-distance`);
    await answer(client, `${form}/walking-distance`, { walkingDistance: 'under-50' }, `${form}/walking-difficulty`);
    await answer(client, `${form}/walking-difficulty`, { walkingDifficulty: ['pain', 'other'] }, `${form}/other-difficulty`);
    await answer(client, `${form}/other-difficulty`, { otherDifficulty: 'My knees lock' }, `${form}/assessment`);
    await answer(client, `${form}/assessment`, {}, `${form}/contact`);
    await answer(client, `${form}/contact`, contact, `${form}/check-answers`);

    // A change that opens no new page goes straight back to check answers.
    await answer(client, `${form}/contact?change=1`, { ...contact, name: 'Pat Q Resident' }, `${form}/check-answers`);
    // A change that opens a page goes there first, then back.
    await answer(client, `${form}/pip?change=1`, { getsPip: 'yes' }, `${form}/pip-points?change=1`);
    await answer(client, `${form}/pip-points?change=1`, { pipPoints: '4' }, `${form}/check-answers`);
    const check = visibleText((await client.get(`${form}/check-answers`)).body);
    assert.match(check, /Full name Pat Q Resident/);
    assert.match(check, /What makes walking difficult for you\? Pain Something else/);
    await answer(client, `${form}/check-answers`, { declaration: 'yes' }, `${form}/confirmation`);
  });

  it('stops when the person can walk more than 200 metres', async () => {
    const client = new TestClient(t.app);
    await answer(client, `${form}/pip`, { getsPip: 'no' }, `${form}/walking-distance`);
    await answer(client, `${form}/walking-distance`, { walkingDistance: 'over-200' }, `${form}/not-eligible`);
    const end = await client.get(`${form}/not-eligible`);
    assert.match(visibleText(end.body), /You are unlikely to get a blue badge/);
    assert.equal((await client.get(`${form}/contact`)).headers.location, `${form}/not-eligible`);
  });

  it('shows each problem in the summary and by its field', async () => {
    const client = new TestClient(t.app);
    await refused(client, `${form}/pip`, {}, ['Select yes if you get the mobility part of PIP']);
    await answer(client, `${form}/pip`, { getsPip: 'yes' }, `${form}/pip-points`);
    await refused(client, `${form}/pip-points`, {}, ['Enter the points you scored for moving around']);
    await refused(client, `${form}/pip-points`, { pipPoints: 'ten' }, ['Points for moving around must be a number']);
    await refused(client, `${form}/pip-points`, { pipPoints: '13' }, ['Points for moving around must be between 0 and 12']);
    await refused(client, `${form}/pip-points`, { pipPoints: '7.5' }, ['Points for moving around must be a whole number']);
    await answer(client, `${form}/pip-points`, { pipPoints: '2' }, `${form}/walking-distance`);
    await refused(client, `${form}/walking-distance`, {}, ['Select how far you can walk without stopping']);
    await answer(client, `${form}/walking-distance`, { walkingDistance: 'cannot' }, `${form}/walking-difficulty`);
    await refused(client, `${form}/walking-difficulty`, {}, ['Select what makes walking difficult for you']);
    await answer(client, `${form}/walking-difficulty`, { walkingDifficulty: 'other' }, `${form}/other-difficulty`);
    await refused(client, `${form}/other-difficulty`, {}, ['Enter what else makes walking difficult']);
    await answer(client, `${form}/other-difficulty`, { otherDifficulty: 'Balance' }, `${form}/assessment`);
    await answer(client, `${form}/assessment`, {}, `${form}/contact`);
    await refused(client, `${form}/contact`, {}, ['Enter your full name', 'Enter your date of birth', 'Enter your email address', 'Enter your postcode']);
    await refused(client, `${form}/contact`, { ...contact, ...dayParts('dateOfBirth', 1), postcode: 'SK4' }, ['Date of birth must be in the past', 'Enter a real postcode']);
    await refused(client, `${form}/contact`, { ...contact, postcode: 'M1 1AA' }, ['Enter a postcode in Stockport']);
  });
});
