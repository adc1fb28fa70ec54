import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { create, editorialPlatform, errorSummary, fieldError, guideForm, publishNow, refused, snapshot, topicForm, type EditorialTest } from './support.ts';

describe('bad input to the editors’ pages: an error summary naming the problem, and nothing saved', () => {
  let e: EditorialTest;
  let topicId: string;
  before(async () => {
    e = await editorialPlatform();
    topicId = await create(e.editor.client, 'topic', topicForm('Bins and recycling', '/bins'));
    await publishNow(e.publisher.client, topicId);
  });
  after(async () => e.t.close());

  /** Posts the form and expects this error summary, with the database as it was. */
  async function refusedUnchanged(page: string, url: string, form: Record<string, string | string[]>, expected: (string | RegExp)[], client = e.editor.client) {
    const before = await snapshot(e.t);
    const res = await refused(client, page, url, form);
    const summary = errorSummary(res.body).map((text) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
    assert.equal(summary.length, expected.length, `summary: ${summary.join(' / ')}`);
    expected.forEach((want, i) => (typeof want === 'string' ? assert.equal(summary[i], want) : assert.match(summary[i] ?? '', want)));
    assert.equal(await snapshot(e.t), before, 'nothing was written');
    return res;
  }

  it('a missing title and summary', async () => {
    const res = await refusedUnchanged('/staff/site/new/guide', '/staff/site/new/guide', guideForm('', '/bins/missed', 'Some text.', { summary: '' }), ['Enter a title', 'Enter a summary']);
    assert.equal(fieldError(res.body, 'title'), 'Enter a title');
  });

  it('a link to a page that does not exist', async () => {
    await refusedUnchanged('/staff/site/new/guide', '/staff/site/new/guide', guideForm('Missed bins', '/bins/missed', 'See [bulky waste](/bins/no-such-page#fees).'), [
      'The link to /bins/no-such-page#fees goes to a page that does not exist. Check the address, or create the page first',
    ]);
  });

  it('links to the app’s own pages and to drafts are fine', async () => {
    await create(e.editor.client, 'guide', guideForm('Draft target', '/bins/draft-target', 'Only a draft.'));
    await create(e.editor.client, 'guide', guideForm('Links', '/bins/links', 'You can [report it](/report), [search](/search?q=bins), see [news](/news) or [the draft](/bins/draft-target).'));
  });

  it('an address another page already has, or that the app uses', async () => {
    await refusedUnchanged('/staff/site/new/topic', '/staff/site/new/topic', topicForm('Rubbish', '/bins'), ['The address /bins is already used by another page. Choose a different address']);
    await refusedUnchanged('/staff/site/new/topic', '/staff/site/new/topic', topicForm('Report', '/report'), ['The address /report is used by another part of the website. Choose a different address']);
  });

  it('a guide section address that another page has', async () => {
    await create(e.editor.client, 'contact', { title: 'Fees', summary: 'What it costs.', path: '/bins/bulky/fees', body: 'It costs money.' });
    await refusedUnchanged('/staff/site/new/guide', '/staff/site/new/guide', guideForm('Bulky waste', '/bins/bulky', '# How to book\n\nBook online.\n\n# Fees\n\nIt costs £30.'), [
      'The section address /bins/bulky/fees is already used by another page. Choose a different address',
    ]);
  });

  it('Markdown that rich text cannot hold, and a badly written link list', async () => {
    const res = await refusedUnchanged('/staff/site/new/topic', '/staff/site/new/topic', topicForm('Parks', '/parks', { intro: '# Parks\n\n<b>hi</b>', featured: 'Just text without an address' }), [
      /^Introduction: Use ## or ### for headings/,
      'Line 1: write a link as text, a vertical bar, then the address, like "Pay council tax | /council-tax/pay"',
    ]);
    assert.match(fieldError(res.body, 'intro') ?? '', /Use ## or ###/);
  });

  it('an event with a date that does not exist and a time that is not one', async () => {
    const form = {
      title: 'Bonfire night',
      summary: 'Fireworks in the park.',
      path: '/events/bonfire',
      body: 'Bring a torch.',
      'startsAt-day': '31',
      'startsAt-month': '11',
      'startsAt-year': '2030',
      startsAtTime: '7pm',
      'endsAt-day': '5',
      'endsAt-month': '11',
      'endsAt-year': '2030',
      endsAtTime: '25:00',
      recurrence: 'none',
      venueName: 'Vernon Park',
      cost: 'Free',
    };
    await refusedUnchanged('/staff/site/new/event', '/staff/site/new/event', form, ['When the event starts must be a real date', 'Enter a real time, like 9:30am or 14:30']);
  });

  it('publishing a page whose parent topic is not live', async () => {
    const parent = await create(e.editor.client, 'topic', topicForm('Garden waste', '/garden-waste'));
    const child = await create(e.editor.client, 'topic', topicForm('Brown bins', '/garden-waste/brown-bins', { parentId: parent }));
    const res = await refusedUnchanged(`/staff/site/content/${child}`, `/staff/site/content/${child}/publish`, {}, ['Publish the topic "Garden waste" first'], e.publisher.client);
    assert.match(res.body, /Brown bins/);
    await publishNow(e.publisher.client, parent);
    await publishNow(e.publisher.client, child);
    // A topic that live pages sit under cannot come down first.
    await refusedUnchanged(`/staff/site/content/${parent}`, `/staff/site/content/${parent}/unpublish`, {}, [/^Live pages sit under or are tagged to this topic: "Brown bins"/], e.publisher.client);
  });

  it('a topic that does not exist', async () => {
    await refusedUnchanged('/staff/site/new/guide', '/staff/site/new/guide', guideForm('Tagged', '/tagged', 'Text.', { topicIds: '6f1c0d3e-2b4a-4c5d-8e9f-0a1b2c3d4e5f' }), [
      'Select a topic that exists: one of the topics chosen has been removed',
    ]);
  });

  it('a schedule in the past, or a time that is not a time', async () => {
    const id = await create(e.editor.client, 'guide', guideForm('Christmas collections', '/bins/christmas', 'Dates change over Christmas.'));
    const url = `/staff/site/content/${id}/schedule`;
    await refusedUnchanged(`/staff/site/content/${id}`, url, { action: 'publish', 'publishAt-day': '1', 'publishAt-month': '1', 'publishAt-year': '2020', publishAtTime: '9am' }, ['The publish time must be in the future'], e.publisher.client);
    await refusedUnchanged(`/staff/site/content/${id}`, url, { action: 'publish', 'publishAt-day': '30', 'publishAt-month': '2', 'publishAt-year': '2040', publishAtTime: 'noonish' }, [
      'Enter a real date to publish on',
      'Enter a real time, like 9:30am or 14:30',
    ], e.publisher.client);
    await refusedUnchanged(`/staff/site/content/${id}`, url, { action: 'unpublish', 'unpublishAt-day': '1', 'unpublishAt-month': '1', 'unpublishAt-year': '2040', unpublishAtTime: '9am' }, [
      'Publish this item, or schedule it to be published earlier, before choosing when it comes down',
    ], e.publisher.client);
  });

  it('a redirect from an address a page has, and menus with broken links', async () => {
    await refusedUnchanged('/staff/site/redirects', '/staff/site/redirects', { from: '/bins', to: '/report' }, ['A page has the address /bins. Change its address first']);
    await refusedUnchanged('/staff/site/menus', '/staff/site/menus', { header: 'Bins | /bins\nNowhere | /nowhere', footer: '' }, ['Line 2: /nowhere goes to a page that does not exist']);
    await refusedUnchanged('/staff/site/settings', '/staff/site/settings', { name: '', tagline: '', logoUrl: 'javascript:alert(1)' }, ['Enter the name of the website', 'Enter a logo address starting https:// or /public/']);
  });

  it('staff without the website permissions cannot see the pages', async () => {
    const { signedInResident } = await import('../../account/support.ts');
    const resident = await signedInResident(e.t);
    assert.equal((await resident.client.get('/staff/site')).statusCode, 403);
  });
});
