import type { FormField } from '../fields/types.ts';
import type { AddAnotherField } from '../fields/add-another.ts';
import type { FormDefinition, PageDefinition } from './types.ts';

/** A page of a checked form, with its fields made. */
export class FormPage {
  constructor(
    readonly definition: PageDefinition,
    readonly fields: FormField[],
    readonly index: number,
    /** Set when the page is the list of an add-another question. */
    readonly collection: AddAnotherField | undefined,
  ) {}

  get id(): string {
    return this.definition.id;
  }

  /** Fields that hold answers (not content blocks). */
  get questions(): FormField[] {
    return this.fields.filter((f) => f.name !== undefined);
  }

  /** The heading: the page's title, or its only question. */
  get heading(): string {
    return this.definition.title ?? this.questions[0]?.label ?? '';
  }

  /** The page's only question is its heading (GOV.UK one-question pages). */
  get questionIsHeading(): boolean {
    return this.definition.title === undefined;
  }

  get isEnd(): boolean {
    return this.definition.end === true;
  }
}

/** A form definition that passed every check, ready for journeys. Immutable, like its stored version. */
export class Form {
  private readonly pagesById: Map<string, FormPage>;
  private readonly fieldsByName: Map<string, FormField>;
  private readonly labels: Map<string, string>;

  constructor(
    readonly definition: FormDefinition,
    readonly pages: FormPage[],
  ) {
    this.pagesById = new Map(pages.map((p) => [p.id, p]));
    this.fieldsByName = new Map(pages.flatMap((p) => p.questions.map((f): [string, FormField] => [f.name ?? '', f])));
    const items = pages.flatMap((p) => p.collection?.itemFields ?? []);
    this.labels = new Map([...this.fieldsByName.values(), ...items].map((f) => [f.name ?? '', f.label]));
  }

  /** The label of any question, add-another items' included: how emails and staff pages name an answer. */
  labelOf(name: string): string | undefined {
    return this.labels.get(name);
  }

  get id(): string {
    return this.definition.id;
  }

  get version(): number {
    return this.definition.version;
  }

  get title(): string {
    return this.definition.title;
  }

  page(id: string): FormPage | undefined {
    return this.pagesById.get(id);
  }

  field(name: string): FormField | undefined {
    return this.fieldsByName.get(name);
  }

  /** The page a field is asked on. */
  pageOf(fieldName: string): FormPage | undefined {
    return this.pages.find((p) => p.questions.some((f) => f.name === fieldName));
  }
}
