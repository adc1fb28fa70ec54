import type { ErrorItem } from '../../../platform/http/render.ts';
import type { DefinitionProblem } from '../definition/types.ts';

const SHOWN = 25;

/** The validator's problems as error summary items: each with its JSON path and reason, linked to the input used. */
export function publishErrors(problems: DefinitionProblem[], fieldId: string): ErrorItem[] {
  const items = problems.slice(0, SHOWN).map((p) => ({ href: `#${fieldId}`, text: `${p.path}: ${p.message}` }));
  if (problems.length > SHOWN) items.push({ href: `#${fieldId}`, text: `and ${problems.length - SHOWN} more problems` });
  return items;
}
