import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';
import { seedDemoGazetteer } from '../../../src/platform/geo/demo.ts';
import type { Address, Gazetteer } from '../../../src/platform/geo/gazetteer.ts';
import {
  handleAddressFinder,
  initialAddressFinderView,
  type AddressFinderResult,
  type AddressFinderView,
} from '../../../src/platform/geo/address-finder.ts';
import { createViewEnvironment } from '../../../src/platform/views/index.ts';

const views = createViewEnvironment([], { councilName: 'Stockport Council', sessionIdleMinutes: 30 });

/** The component as a page would include it inside its own form. */
function render(view: AddressFinderView): string {
  return views.renderString('{% from "components/address-finder.njk" import addressFinder %}{{ addressFinder(view) }}', { view });
}

/** The opening tag of the element with this id. */
function tag(html: string, id: string): string {
  return new RegExp(`<[a-z]+ [^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
}

function continued(result: AddressFinderResult): AddressFinderView {
  assert.equal(result.kind, 'continue');
  return result.view;
}

function chosen(result: AddressFinderResult) {
  assert.equal(result.kind, 'chosen');
  return result.address;
}

describe('the find an address component', () => {
  let t: TestPlatform;
  let gazetteer: Gazetteer;
  /** A demo postcode with several addresses, and an address elsewhere. */
  let street: Address[];
  let elsewhere: Address;

  before(async () => {
    t = await createTestPlatform();
    await seedDemoGazetteer(t.platform.services, () => undefined);
    gazetteer = t.platform.services.gazetteer;
    const rows = await t.platform.services.db.selectFrom('gazetteer_addresses').select(['postcode', 'uprn']).orderBy('uprn').limit(40).execute();
    street = await gazetteer.findByPostcode(rows[0]?.postcode ?? '');
    const other = await gazetteer.address(String(rows.find((r) => r.postcode !== rows[0]?.postcode)?.uprn));
    assert.ok(street.length > 1 && other);
    elsewhere = other;
  });
  after(async () => t.close());

  it('starts by asking for a postcode, with the way to type the address in instead', () => {
    const view = initialAddressFinderView();
    assert.equal(view.step, 'postcode');
    const html = render(view);
    const postcode = tag(html, 'address-postcode');
    for (const attribute of ['name="addressPostcode"', 'autocomplete="postal-code"', 'class="govuk-input govuk-input--width-10"']) assert.ok(postcode.includes(attribute), attribute);
    assert.match(html, /value="find" name="addressAction"[^>]*>\s*Find address/);
    assert.match(html, /value="manual" name="addressAction"[^>]*>\s*Enter the address manually/);
    assert.match(html, /<input type="hidden" name="addressStep" value="postcode">/);
  });

  it('asks for a postcode, then a real one, then says when it knows no addresses there', async () => {
    const empty = continued(await handleAddressFinder(gazetteer, { addressAction: 'find', addressPostcode: ' ' }));
    assert.deepEqual(empty.errorItems, [{ href: '#address-postcode', text: 'Enter a postcode' }]);
    assert.match(render(empty), /govuk-form-group--error[\s\S]*<span class="govuk-visually-hidden">Error:<\/span> Enter a postcode/);

    const unreal = continued(await handleAddressFinder(gazetteer, { addressAction: 'find', addressPostcode: 'SK4' }));
    assert.deepEqual(unreal.errorItems, [{ href: '#address-postcode', text: 'Enter a real postcode' }]);
    assert.match(render(unreal), /value="SK4"/);

    const unknown = continued(await handleAddressFinder(gazetteer, { addressAction: 'find', addressPostcode: 'm1 1aa' }));
    assert.equal(unknown.step, 'postcode');
    assert.deepEqual(unknown.errorItems, [
      { href: '#address-postcode', text: 'We could not find any addresses for that postcode — enter the address manually' },
    ]);
  });

  it('lists the addresses found for a postcode, however it was typed', async () => {
    const postcode = street[0]?.postcode ?? '';
    // The page's own Continue button (no action) on the postcode step finds too.
    const view = continued(await handleAddressFinder(gazetteer, { addressStep: 'postcode', addressPostcode: postcode.toLowerCase().replace(' ', '') }));
    assert.equal(view.step, 'choose');
    assert.equal(view.foundText, `${street.length} addresses found for ${postcode}`);
    assert.deepEqual(view.addresses, street.map((a) => ({ value: a.uprn, text: a.label })));
    assert.deepEqual(view.errorItems, []);
    const html = render(view);
    assert.match(html, new RegExp(`<input type="hidden" name="addressPostcode" value="${postcode}">`));
    assert.match(html, /<select class="govuk-select" id="address-uprn" name="addressUprn">/);
    assert.match(html, new RegExp(`<option value="">${street.length} addresses found</option>`));
    assert.match(html, new RegExp(`<option value="${street[0]?.uprn}">${street[0]?.label}</option>`));
    assert.match(html, /value="change-postcode" name="addressAction"[^>]*>\s*Change<span class="govuk-visually-hidden"> postcode<\/span>/);
    assert.match(html, /value="manual" name="addressAction"[^>]*>\s*I cannot find my address in the list/);
  });

  it('asks the person to select an address, and gives back the one they chose', async () => {
    const postcode = street[0]?.postcode ?? '';
    const none = continued(await handleAddressFinder(gazetteer, { addressStep: 'choose', addressPostcode: postcode, addressUprn: '' }));
    assert.equal(none.step, 'choose');
    assert.deepEqual(none.errorItems, [{ href: '#address-uprn', text: 'Select an address' }]);
    assert.match(render(none), /<p id="address-uprn-error" class="govuk-error-message">/);

    const pick = street[1];
    assert.ok(pick);
    const address = chosen(await handleAddressFinder(gazetteer, { addressStep: 'choose', addressPostcode: postcode, addressUprn: pick.uprn }));
    assert.deepEqual(address, { uprn: pick.uprn, lines: pick.lines, town: 'Stockport', postcode });
  });

  it('refuses a UPRN that is not in the list for the postcode', async () => {
    const postcode = street[0]?.postcode ?? '';
    for (const uprn of [elsewhere.uprn, '999999999999', '1 or 1=1']) {
      const view = continued(await handleAddressFinder(gazetteer, { addressAction: 'choose', addressPostcode: postcode, addressUprn: uprn }));
      assert.equal(view.step, 'choose');
      assert.deepEqual(view.errorItems, [{ href: '#address-uprn', text: 'Select an address' }], uprn);
    }
  });

  it('lets the person type the address in, checking each field', async () => {
    const postcode = street[0]?.postcode ?? '';
    const manual = continued(await handleAddressFinder(gazetteer, { addressAction: 'manual', addressStep: 'choose', addressPostcode: postcode }));
    assert.equal(manual.step, 'manual');
    assert.equal(manual.postcode, postcode);
    const html = render(manual);
    const expected: Record<string, string[]> = {
      'address-line-1': ['name="addressLine1"', 'autocomplete="address-line1"'],
      'address-line-2': ['name="addressLine2"', 'autocomplete="address-line2"'],
      'address-town': ['name="addressTown"', 'autocomplete="address-level2"', 'govuk-!-width-two-thirds'],
      'address-postcode': ['name="addressPostcode"', 'autocomplete="postal-code"', 'govuk-input--width-10', `value="${postcode}"`],
    };
    for (const [id, attributes] of Object.entries(expected)) {
      for (const attribute of attributes) assert.ok(tag(html, id).includes(attribute), `${id} ${attribute}`);
    }
    assert.match(html, /<label class="govuk-label" for="address-line-2">\s*Address line 2 \(optional\)/);

    const blank = continued(await handleAddressFinder(gazetteer, { addressStep: 'manual', addressLine1: '', addressTown: ' ', addressPostcode: '' }));
    assert.deepEqual(blank.errorItems, [
      { href: '#address-postcode', text: 'Enter a postcode' },
      { href: '#address-line-1', text: 'Enter address line 1, typically the building and street' },
      { href: '#address-town', text: 'Enter town or city' },
    ]);
    const long = continued(
      await handleAddressFinder(gazetteer, { addressStep: 'manual', addressLine1: 'x'.repeat(101), addressTown: 'Stockport', addressPostcode: 'SK1 ZZZ' }),
    );
    assert.deepEqual(long.errorItems.map((e) => e.text), ['Enter a real postcode', 'Address line 1 must be 100 characters or less']);
    assert.equal(long.line1, 'x'.repeat(101));

    const typed = chosen(
      await handleAddressFinder(gazetteer, { addressStep: 'manual', addressLine1: '2  Canal Side', addressLine2: '', addressTown: 'Stockport', addressPostcode: 'sk1 2aa' }),
    );
    assert.deepEqual(typed, { lines: ['2 Canal Side'], town: 'Stockport', postcode: 'SK1 2AA' });
  });

  it('shows a saved address ready to change, keeping its UPRN only while it is unchanged', async () => {
    const saved = street[0];
    assert.ok(saved);
    const existing = { uprn: saved.uprn, lines: saved.lines, town: saved.town, postcode: saved.postcode };
    const view = initialAddressFinderView(existing);
    assert.equal(view.step, 'manual');
    assert.equal(view.line1, saved.lines[0]);
    const html = render(view);
    assert.match(html, new RegExp(`<input type="hidden" name="addressUprn" value="${saved.uprn}">`));
    assert.match(html, /value="change-postcode" name="addressAction"[^>]*>\s*Find an address by postcode/);

    const form = { addressStep: 'manual', addressUprn: saved.uprn, addressLine1: view.line1, addressLine2: view.line2, addressTown: view.town, addressPostcode: view.postcode };
    assert.deepEqual(chosen(await handleAddressFinder(gazetteer, form)), existing);
    assert.equal(chosen(await handleAddressFinder(gazetteer, { ...form, addressLine1: 'Flat 9' })).uprn, undefined);
    assert.equal(chosen(await handleAddressFinder(gazetteer, { ...form, addressUprn: elsewhere.uprn })).uprn, undefined);

    const back = continued(await handleAddressFinder(gazetteer, { ...form, addressAction: 'change-postcode' }));
    assert.equal(back.step, 'postcode');
    assert.equal(back.postcode, saved.postcode);
  });

  it('names its fields after the prefix, so a page can hold two', async () => {
    const view = continued(await handleAddressFinder(gazetteer, { homeAction: 'find', homePostcode: '' }, { prefix: 'home', legend: 'Home address' }));
    assert.deepEqual(view.errorItems, [{ href: '#home-postcode', text: 'Enter a postcode' }]);
    const html = render(view);
    assert.match(html, /name="homePostcode"/);
    assert.match(html, /name="homeAction"/);
    assert.match(html, /<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">\s*Home address/);
    // The default prefix's fields are not this finder's.
    assert.equal(continued(await handleAddressFinder(gazetteer, { addressAction: 'find', addressPostcode: 'SK1 1AA' }, { prefix: 'home' })).errorItems[0]?.text, 'Enter a postcode');
  });
});
