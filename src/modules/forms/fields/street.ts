import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { Question, questionShape, type Parsed } from './question.ts';
import { asStreetAnswer, handleStreetFinder, initialStreetFinderView, streetLabel, type StreetAnswer, type StreetFinderView } from './street-finder.ts';
import { fieldType, type FieldContext, type FieldView, type PostedForm } from './types.ts';

const schema = z.strictObject({ type: z.literal('street'), ...questionShape }).omit({ optional: true, requiredIf: true });
type StreetDefinition = z.infer<typeof schema>;

/** A street in the borough, found in the gazetteer by part of its name. */
export class StreetField extends Question<StreetDefinition, StreetAnswer, StreetFinderView> {
  override get canBePageHeading(): boolean {
    return false;
  }

  override get id(): string {
    return `${this.name}-query`;
  }

  answer(value: unknown): StreetAnswer | undefined {
    return asStreetAnswer(value);
  }

  protected async parse(body: PostedForm, context: FieldContext): Promise<Parsed<StreetAnswer, StreetFinderView>> {
    const result = await handleStreetFinder(context.lookups, body, this.name, this.definition.label, this.definition.hint);
    if (result.kind === 'chosen') return { raw: this.toRaw(result.street), value: result.street };
    return { raw: result.view, value: undefined, errors: result.errors, stay: result.errors.length === 0 };
  }

  protected toRaw(value: StreetAnswer | undefined): StreetFinderView {
    return initialStreetFinderView(this.name, this.definition.label, value, this.definition.hint);
  }

  protected override requiredMessage(): string {
    return 'Enter a street name';
  }

  protected render(raw: StreetFinderView, errors: ErrorItem[]): FieldView {
    const view = errors.length && !raw.errors.query && !raw.errors.usrn ? { ...raw, errors: { query: errors[0]?.text } } : raw;
    return { template: 'forms/fields/street.njk', params: { view } };
  }

  protected summaryOf(value: StreetAnswer): string[] {
    return [streetLabel(value)];
  }
}

export const streetField = fieldType('street', schema, (definition) => new StreetField(definition));
