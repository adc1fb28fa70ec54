import { z } from 'zod';
import type { ErrorItem } from '../../../platform/http/render.ts';
import { holds } from '../conditions.ts';
import type { Answers } from '../contracts.ts';
import type { Condition, FieldDefinition } from '../definition/types.ts';
import { isRecord } from './json.ts';
import { Question, questionShape, type Parsed } from './question.ts';
import { fieldType, type FieldContext, type FieldProblemAt, type FieldTypeLookup, type FieldView, type FormField } from './types.ts';

const schema = z.strictObject({
  type: z.literal('add-another'),
  ...questionShape,
  /** One item, in the words of the page: "item" gives "Add another item", "Remove item 2". */
  itemName: z.string().trim().min(1),
  /** More than one: "items" when not given. */
  itemsName: z.string().trim().min(1).optional(),
  /** The questions asked about each item. */
  fields: z.array(z.looseObject({ type: z.string(), name: z.string().optional() })).min(1),
  minItems: z.number().int().min(1).optional(),
  maxItems: z.number().int().min(1).max(100).optional(),
});
type AddAnotherDefinition = z.infer<typeof schema>;

export const DEFAULT_MAX_ITEMS = 20;

/**
 * The GOV.UK "add another" pattern without JavaScript: each item's questions on a page of their
 * own, then a list of the items with Change and Remove links and "Do you need to add another?".
 * The answer is a list of answer objects, one per item. The journey gives it its own pages.
 */
export class AddAnotherField extends Question<AddAnotherDefinition, Answers[], { items: Answers[]; choice: string }> {
  constructor(
    definition: AddAnotherDefinition,
    readonly itemFields: FormField[],
  ) {
    super(definition);
  }

  override get canBePageHeading(): boolean {
    return false;
  }

  override get conditions(): Condition[] {
    return [...super.conditions, ...this.itemFields.flatMap((f) => f.conditions)];
  }

  get itemName(): string {
    return this.definition.itemName;
  }

  get itemsName(): string {
    return this.definition.itemsName ?? `${this.definition.itemName}s`;
  }

  get maxItems(): number {
    return this.definition.maxItems ?? DEFAULT_MAX_ITEMS;
  }

  /** The radios asking whether there is another item. */
  get choiceId(): string {
    return `${this.name}-add-another`;
  }

  answer(value: unknown): Answers[] | undefined {
    return Array.isArray(value) && value.every(isRecord) ? value : undefined;
  }

  /** The collection page posts only the yes/no; items are read on their own pages. */
  protected parse(): Parsed<Answers[], { items: Answers[]; choice: string }> {
    return { raw: { items: [], choice: '' }, value: undefined };
  }

  protected toRaw(value: Answers[] | undefined): { items: Answers[]; choice: string } {
    return { items: value ?? [], choice: '' };
  }

  protected override requiredMessage(): string {
    return `Add at least one ${this.itemName}`;
  }

  protected override async check(items: Answers[], context: FieldContext): Promise<ErrorItem[]> {
    const min = this.definition.minItems ?? 1;
    if (items.length < min) return [this.problem('tooFew', `Add at least ${min} ${this.itemsName}`)];
    if (items.length > this.maxItems) return [this.problem('tooMany', `You can add up to ${this.maxItems} ${this.itemsName}`)];
    for (const [index, item] of items.entries()) {
      const errors = await this.validateItem(item, context);
      const first = errors[0];
      if (first) return [{ href: `#${this.id}`, text: `${capitalised(this.itemName)} ${index + 1}: ${first.text}` }];
    }
    return [];
  }

  /** The item's visible questions, given the rest of the answers. */
  visibleItemFields(item: Answers, context: FieldContext): FormField[] {
    const answers = { ...context.answers, ...item };
    return this.itemFields.filter((f) => !f.showIf || holds(f.showIf, answers, context.today));
  }

  async validateItem(item: Answers, context: FieldContext): Promise<ErrorItem[]> {
    const inner = { ...context, answers: { ...context.answers, ...item } };
    const errors: ErrorItem[] = [];
    for (const field of this.visibleItemFields(item, context)) if (field.name) errors.push(...(await field.validate(item[field.name], inner)));
    return errors;
  }

  /** An item in one line, from its answers: "Sofa, 2". */
  itemTitle(item: Answers): string {
    return this.itemFields.flatMap((f) => (f.name ? f.summary(item[f.name]) : [])).join(', ') || `${capitalised(this.itemName)}`;
  }

  /** The list page: the items so far, each with Change and Remove, and whether to add another. */
  collectionView(items: Answers[], choice: string, errors: ErrorItem[], basePath: string, query = ''): FieldView {
    const itemName = this.itemName;
    return {
      template: 'forms/fields/add-another.njk',
      params: {
        rows: items.map((item, i) => ({
          key: { text: `${capitalised(itemName)} ${i + 1}`, classes: 'govuk-!-width-one-third' },
          value: { text: this.itemTitle(item) },
          actions: {
            items: [
              { href: `${basePath}/${i + 1}${query}`, text: 'Change', visuallyHiddenText: `${itemName} ${i + 1}` },
              { href: `${basePath}/${i + 1}/remove${query}`, text: 'Remove', visuallyHiddenText: `${itemName} ${i + 1}` },
            ],
          },
        })),
        canAddMore: items.length < this.maxItems,
        maxText: `You can add up to ${this.maxItems} ${this.itemsName}.`,
        choice: {
          idPrefix: this.choiceId,
          name: 'addAnother',
          classes: 'govuk-radios--inline',
          fieldset: { legend: { text: `Do you need to add another ${itemName}?`, classes: 'govuk-fieldset__legend--m' } },
          items: [
            { value: 'yes', text: 'Yes', checked: choice === 'yes' },
            { value: 'no', text: 'No', checked: choice === 'no' },
          ],
          errorMessage: errors[0] ? { text: errors[0].text } : undefined,
        },
      },
    };
  }

  protected render(raw: { items: Answers[]; choice: string }, errors: ErrorItem[]): FieldView {
    return this.collectionView(raw.items, raw.choice, errors, '');
  }

  protected summaryOf(items: Answers[]): string[] {
    return items.map((item) => this.itemTitle(item));
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const addAnotherField = fieldType('add-another', schema, (definition, registry) => {
  const made = makeItemFields(definition.fields, registry);
  return 'problems' in made ? made : new AddAnotherField(definition, made.fields);
});

function makeItemFields(definitions: FieldDefinition[], registry: FieldTypeLookup): { fields: FormField[] } | { problems: FieldProblemAt[] } {
  const problems: FieldProblemAt[] = [];
  const fields: FormField[] = [];
  for (const [i, definition] of definitions.entries()) {
    const type = registry.get(definition.type);
    if (!type || definition.type === 'add-another') {
      const allowed = registry.types().filter((t) => t !== 'add-another');
      problems.push({ path: ['fields', i, 'type'], message: `must be one of ${allowed.join(', ')}` });
      continue;
    }
    const made = type.create(definition, registry);
    if ('problems' in made) problems.push(...made.problems.map((p) => ({ ...p, path: ['fields', i, ...p.path] })));
    else fields.push(made.field);
  }
  return problems.length ? { problems } : { fields };
}
