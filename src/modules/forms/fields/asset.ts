import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { isRecord } from './json.ts';
import { Question, postedText, questionShape, type Parsed } from './question.ts';
import { asStreetAnswer, handleStreetFinder, initialStreetFinderView, streetLabel, type StreetAnswer, type StreetFinderView } from './street-finder.ts';
import { fieldType, type FieldContext, type FieldView, type PostedForm } from './types.ts';

const schema = z
  .strictObject({
    type: z.literal('asset'),
    ...questionShape,
    /** The asset layer's name, as the module that owns it registers it ("streetlights"). */
    layer: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** How the page names one asset: "streetlight". */
    assetName: z.string().trim().min(1),
  })
  .omit({ optional: true, requiredIf: true });
type AssetDefinition = z.infer<typeof schema>;

/** The asset, by its number; or, when the person cannot see one, the street and where on it. */
export interface AssetAnswer {
  layer: string;
  assetId: string | null;
  street: StreetAnswer | null;
  description: string;
  lon: number;
  lat: number;
}

interface AssetInputs {
  assetId: string;
  finder: StreetFinderView;
  description: string;
}

/**
 * An asset on a map layer (a streetlight, a gully) without a map: its number, checked against the
 * layer, or else the nearest street and a description. The layer comes from the module that owns it.
 */
export class AssetField extends Question<AssetDefinition, AssetAnswer, AssetInputs> {
  override get canBePageHeading(): boolean {
    return false;
  }

  override get id(): string {
    return `${this.name}-asset-id`;
  }

  private ids() {
    return { description: `${this.name}-description`, street: `${this.name}Street` };
  }

  answer(value: unknown): AssetAnswer | undefined {
    if (!isRecord(value) || typeof value.layer !== 'string' || typeof value.description !== 'string' || typeof value.lon !== 'number' || typeof value.lat !== 'number') return undefined;
    const street = value.street === null ? null : asStreetAnswer(value.street);
    if (street === undefined) return undefined;
    const assetId = typeof value.assetId === 'string' ? value.assetId : null;
    if (!assetId && !street) return undefined;
    return { layer: value.layer, assetId, street, description: value.description, lon: value.lon, lat: value.lat };
  }

  protected async parse(body: PostedForm, context: FieldContext): Promise<Parsed<AssetAnswer, AssetInputs>> {
    const { layer, assetName, label } = this.definition;
    const ids = this.ids();
    const assetId = postedText(body, `${this.name}AssetId`).trim().toUpperCase();
    const description = postedText(body, `${this.name}Description`).replace(/\r\n?/g, '\n').trim();
    if (assetId) {
      const asset = await context.lookups.assets.layer(layer)?.find(assetId);
      const finder = initialStreetFinderView(ids.street, `If you cannot see a number`);
      if (!asset) return { raw: { assetId, finder, description }, value: undefined, errors: [this.problem('assetNotFound', `We could not find ${assetName} ${assetId} – check the number, or leave it blank and find the street instead`)] };
      return { raw: { assetId, finder, description }, value: { layer, assetId: asset.id, street: null, description: description || asset.description, lon: asset.lon, lat: asset.lat } };
    }
    const result = await handleStreetFinder(context.lookups, body, ids.street, 'If you cannot see a number', label);
    if (result.kind === 'continue') {
      const nothing = result.errors.some((e) => e.href === `#${result.view.ids.query}` && result.view.query === '');
      // Neither a number nor a street: the problem is the question as a whole.
      const errors = nothing ? [this.problem('required', `Enter the ${assetName} number, or find the street`)] : result.errors;
      return { raw: { assetId, finder: result.view, description }, value: undefined, errors, stay: errors.length === 0 };
    }
    const raw = { assetId, finder: initialStreetFinderView(ids.street, 'If you cannot see a number', result.street), description };
    if (!description) return { raw, value: undefined, errors: [this.problem('description', 'Describe where it is on the street', `#${ids.description}`)] };
    return { raw, value: { layer, assetId: null, street: result.street, description, lon: result.street.lon, lat: result.street.lat } };
  }

  protected toRaw(value: AssetAnswer | undefined): AssetInputs {
    return { assetId: value?.assetId ?? '', finder: initialStreetFinderView(this.ids().street, 'If you cannot see a number', value?.street ?? undefined), description: value?.description ?? '' };
  }

  protected override requiredMessage(): string {
    return `Enter the ${this.definition.assetName} number, or find the street`;
  }

  protected render(raw: AssetInputs, errors: ErrorItem[]): FieldView {
    const ids = this.ids();
    const at = (href: string) => errors.find((e) => e.href === href);
    return {
      template: 'forms/fields/asset.njk',
      params: {
        legend: this.labelText(),
        assetId: {
          id: this.id,
          name: `${this.name}AssetId`,
          label: { text: `${capitalised(this.definition.assetName)} number`, classes: 'govuk-label--s' },
          hint: { text: this.definition.hint ?? `The number is on a sticker or plate on the ${this.definition.assetName}` },
          value: raw.assetId,
          classes: 'govuk-input--width-10',
          spellcheck: false,
          errorMessage: at(`#${this.id}`) ? { text: at(`#${this.id}`)?.text } : undefined,
        },
        finder: raw.finder,
        description: {
          id: ids.description,
          name: `${this.name}Description`,
          label: { text: 'Where on the street is it?', classes: 'govuk-label--s' },
          hint: { text: 'For example, outside number 12, or opposite the bus stop' },
          value: raw.description,
          rows: 3,
          errorMessage: at(`#${ids.description}`) ? { text: at(`#${ids.description}`)?.text } : undefined,
        },
      },
    };
  }

  protected summaryOf(value: AssetAnswer): string[] {
    if (value.assetId) return [`${capitalised(this.definition.assetName)} ${value.assetId}`, ...(value.description ? [value.description] : [])];
    return [value.street ? streetLabel(value.street) : '', value.description].filter(Boolean);
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const assetField = fieldType('asset', schema, (definition) => new AssetField(definition));
