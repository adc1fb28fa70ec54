import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import type { PostalAddress } from '../../../platform/db/tables.ts';
import { handleAddressFinder, initialAddressFinderView, type AddressFinderView } from '../../../platform/geo/address-finder.ts';
import { isRecord, isStringArray } from './json.ts';
import { Question, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldContext, type FieldView, type PostedForm } from './types.ts';

const schema = z
  .strictObject({
    type: z.literal('address'),
    ...questionShape,
    /** Only an address in the council's area will do. */
    inBorough: z.boolean().optional(),
  })
  .omit({ optional: true, requiredIf: true });
type AddressDefinition = z.infer<typeof schema>;

/**
 * A postal address: a postcode, then one of the gazetteer's addresses for it, or typed in by hand
 * (the platform's no-JavaScript address finder). Gazetteer addresses keep their UPRN.
 */
export class AddressField extends Question<AddressDefinition, PostalAddress, AddressFinderView> {
  override get canBePageHeading(): boolean {
    return false;
  }

  override get id(): string {
    return `${this.name}-postcode`;
  }

  private get finder() {
    return { prefix: this.name, legend: this.definition.label };
  }

  answer(value: unknown): PostalAddress | undefined {
    if (!isRecord(value)) return undefined;
    const { uprn, lines, town, postcode } = value;
    if (!isStringArray(lines) || typeof town !== 'string' || typeof postcode !== 'string') return undefined;
    return { ...(typeof uprn === 'string' && { uprn }), lines, town, postcode };
  }

  protected async parse(body: PostedForm, context: FieldContext): Promise<Parsed<PostalAddress, AddressFinderView>> {
    const result = await handleAddressFinder(context.lookups.gazetteer, body, this.finder);
    if (result.kind === 'chosen') return { raw: initialAddressFinderView(result.address, this.finder), value: result.address };
    const { view } = result;
    // A step of the finder (addresses found, manual entry opened) shows the page again; its own errors are the field's.
    if (view.errorItems.length === 0) return { raw: view, value: undefined, stay: true };
    return { raw: view, value: undefined, errors: view.errorItems };
  }

  protected toRaw(value: PostalAddress | undefined): AddressFinderView {
    return initialAddressFinderView(value, this.finder);
  }

  protected override requiredMessage(): string {
    return 'Enter a postcode';
  }

  protected override async check(value: PostalAddress, context: FieldContext): Promise<ErrorItem[]> {
    if (this.definition.inBorough && !(await context.lookups.gazetteer.postcodeInBorough(value.postcode))) {
      return [this.problem('inBorough', `Enter an address in ${context.areaName}`)];
    }
    return [];
  }

  protected render(raw: AddressFinderView, errors: ErrorItem[]): FieldView {
    // Errors from a later check (not in the finder's own list) go under the postcode.
    const extra = errors.filter((e) => !raw.errorItems.some((i) => i.href === e.href && i.text === e.text));
    const view = extra.length ? { ...raw, errors: { ...raw.errors, postcode: extra[0]?.text } } : raw;
    return { template: 'forms/fields/address.njk', params: { view } };
  }

  protected summaryOf(value: PostalAddress): string[] {
    return [...value.lines, value.town, value.postcode];
  }
}

export const addressField = fieldType('address', schema, (definition) => new AddressField(definition));
