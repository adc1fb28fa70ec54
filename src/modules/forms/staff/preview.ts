import type { Form } from '../definition/form.ts';
import { AddAnotherField } from '../fields/add-another.ts';
import type { FieldView, FormField } from '../fields/types.ts';

export interface PreviewPage {
  id: string;
  heading: string;
  /** Conditions and branches, as written in the definition, for staff checking the logic. */
  notes: string[];
  views: FieldView[];
}

/** Every page of a version as the resident would see it empty, with its show-if and branches noted. */
export function previewPages(form: Form): PreviewPage[] {
  return form.pages.map((page) => {
    const notes: string[] = [];
    if (page.definition.showIf) notes.push(`Shown only when ${JSON.stringify(page.definition.showIf)}`);
    for (const branch of page.definition.next ?? []) notes.push(branch.when ? `Goes to ${branch.goTo} when ${JSON.stringify(branch.when)}` : `Goes to ${branch.goTo}`);
    if (page.isEnd) notes.push('An end page: the journey stops here');
    for (const field of page.fields) if (field.showIf) notes.push(`${field.label || field.type} is shown only when ${JSON.stringify(field.showIf)}`);
    const empty = (f: FormField) => f.view(undefined, [], { asHeading: false });
    // An add-another question shows the questions asked about each item, then its list page.
    const views = page.fields.flatMap((f) => (f instanceof AddAnotherField ? [...f.itemFields.map(empty), empty(f)] : [empty(f)]));
    return { id: page.id, heading: page.heading, notes, views };
  });
}
