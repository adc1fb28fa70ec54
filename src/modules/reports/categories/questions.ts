import { z } from 'zod';
import type { Form } from '../../forms/index.ts';

/**
 * A category's question as the core needs it: to check answers from every channel, and for Open311
 * service definitions (attributes). Made from the category's form (forms/*.json, or a version staff
 * published), which is the only place the questions are written down.
 */
export interface CategoryQuestion {
  /** The answer's key: the field's name in the form, and the Open311 attribute code. */
  code: string;
  label: string;
  required: boolean;
  kind: 'choice' | 'yes-no';
  options: { value: string; text: string }[];
}

const YES_NO = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
];

// A field definition is open JSON to other modules; the engine checked it, so this only narrows the type.
const choiceOptions = z.object({ options: z.array(z.object({ value: z.string(), text: z.string() })) });

/**
 * The form's choice and yes/no questions. Other kinds (text, addresses, assets) are checked for shape
 * only, as before. A question the form asks only sometimes (show-if, required-if, or on a page shown
 * only sometimes) is not required of other channels, which cannot follow the form's branching.
 */
export function questionsOf(form: Form): CategoryQuestion[] {
  return form.pages.flatMap((page) =>
    page.questions.flatMap((field): CategoryQuestion[] => {
      const { definition } = field;
      if (!field.name) return [];
      const always = definition.optional !== true && definition.requiredIf === undefined && field.showIf === undefined && page.definition.showIf === undefined;
      const asked = { code: field.name, label: field.label, required: always };
      if (field.type === 'yes-no') return [{ ...asked, kind: 'yes-no', options: YES_NO }];
      if (field.type !== 'radios' && field.type !== 'select') return [];
      const { options } = choiceOptions.parse(definition);
      return [{ ...asked, kind: 'choice', options: options.map((o) => ({ value: o.value, text: o.text })) }];
    }),
  );
}
