import type { ErrorItem } from '../../../platform/http/render.ts';
import type { QuestionDefinition } from '../definition/types.ts';
import { normaliseText, textProblem, type TextRules } from '../validation/text-rules.ts';
import { Question, postedText, type Parsed } from './question.ts';
import type { FieldContext, PostedForm } from './types.ts';

/** Typed text checked against the text rules (length, pattern, postcode): text boxes and text areas. */
export abstract class TextQuestion<D extends QuestionDefinition & TextRules> extends Question<D, string, string> {
  /** Max length when a definition gives none. */
  protected abstract readonly defaultMaxLength: number;

  answer(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined;
  }

  /** The text as posted, before it is trimmed. */
  protected typed(body: PostedForm): string {
    return postedText(body, this.name);
  }

  protected parse(body: PostedForm): Parsed<string, string> {
    const raw = this.typed(body);
    return { raw, value: normaliseText(raw, this.definition) };
  }

  protected toRaw(value: string | undefined): string {
    return value ?? '';
  }

  protected override async check(value: string, context: FieldContext): Promise<ErrorItem[]> {
    const rules = { ...this.definition, maxLength: this.definition.maxLength ?? this.defaultMaxLength };
    const text = await textProblem(value, rules, { message: (k, f) => this.message(k, f), Named: this.Named, named: this.named }, context);
    return text ? [{ href: `#${this.id}`, text }] : [];
  }
}
