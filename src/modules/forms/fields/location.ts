import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { isRecord } from './json.ts';
import { Question, postedText, questionShape, type Parsed } from './question.ts';
import { asStreetAnswer, handleStreetFinder, initialStreetFinderView, streetLabel, type StreetAnswer, type StreetFinderView } from './street-finder.ts';
import { fieldType, type FieldContext, type FieldView, type PostedForm } from './types.ts';

const schema = z
  .strictObject({
    type: z.literal('location'),
    ...questionShape,
    /** The label of the box describing the exact spot. */
    descriptionLabel: z.string().trim().min(1).optional(),
  })
  .omit({ optional: true, requiredIf: true });
type LocationDefinition = z.infer<typeof schema>;

/** A place on the street: the street, where on it, and the point mapped for it. */
export interface LocationAnswer {
  street: StreetAnswer;
  description: string;
  lon: number;
  lat: number;
}

interface LocationInputs {
  finder: StreetFinderView;
  description: string;
}

const MAX_DESCRIPTION = 500;

/**
 * Where something is, without a map: a street from the gazetteer and a description of the spot
 * ("outside number 12"). The point stored is the street's; the map, when JavaScript adds it,
 * will refine it. A posted point is never trusted on its own.
 */
export class LocationField extends Question<LocationDefinition, LocationAnswer, LocationInputs> {
  override get canBePageHeading(): boolean {
    return false;
  }

  override get id(): string {
    return `${this.name}-query`;
  }

  private get descriptionId(): string {
    return `${this.name}-description`;
  }

  answer(value: unknown): LocationAnswer | undefined {
    if (!isRecord(value)) return undefined;
    const street = asStreetAnswer(value.street);
    if (!street || typeof value.description !== 'string' || typeof value.lon !== 'number' || typeof value.lat !== 'number') return undefined;
    return { street, description: value.description, lon: value.lon, lat: value.lat };
  }

  protected async parse(body: PostedForm, context: FieldContext): Promise<Parsed<LocationAnswer, LocationInputs>> {
    const description = postedText(body, `${this.name}Description`).replace(/\r\n?/g, '\n').trim();
    const result = await handleStreetFinder(context.lookups, body, this.name, this.definition.label, this.definition.hint);
    if (result.kind === 'continue') return { raw: { finder: result.view, description }, value: undefined, errors: result.errors, stay: result.errors.length === 0 };
    const raw = { finder: initialStreetFinderView(this.name, this.definition.label, result.street, this.definition.hint), description };
    if (!description) return { raw, value: undefined, errors: [this.problem('description', 'Describe where it is on the street', `#${this.descriptionId}`)] };
    if (description.length > MAX_DESCRIPTION) return { raw, value: undefined, errors: [this.problem('descriptionTooLong', `Description must be ${MAX_DESCRIPTION} characters or less`, `#${this.descriptionId}`)] };
    return { raw, value: { street: result.street, description, lon: result.street.lon, lat: result.street.lat } };
  }

  protected toRaw(value: LocationAnswer | undefined): LocationInputs {
    return { finder: initialStreetFinderView(this.name, this.definition.label, value?.street, this.definition.hint), description: value?.description ?? '' };
  }

  protected override requiredMessage(): string {
    return 'Enter a street name';
  }

  protected render(raw: LocationInputs, errors: ErrorItem[]): FieldView {
    const descriptionError = errors.find((e) => e.href === `#${this.descriptionId}`);
    const other = errors.find((e) => e !== descriptionError && !raw.finder.errors.query && !raw.finder.errors.usrn);
    const finder = other ? { ...raw.finder, errors: { query: other.text } } : raw.finder;
    return {
      template: 'forms/fields/location.njk',
      params: {
        finder,
        description: {
          id: this.descriptionId,
          name: `${this.name}Description`,
          label: { text: this.definition.descriptionLabel ?? 'Where on the street is it?', classes: 'govuk-label--s' },
          hint: { text: 'For example, outside number 12, or opposite the bus stop' },
          value: raw.description,
          rows: 3,
          errorMessage: descriptionError ? { text: descriptionError.text } : undefined,
        },
      },
    };
  }

  protected summaryOf(value: LocationAnswer): string[] {
    return [streetLabel(value.street), value.description];
  }
}

export const locationField = fieldType('location', schema, (definition) => new LocationField(definition));
