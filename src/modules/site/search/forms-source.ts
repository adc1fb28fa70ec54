import type { Services } from '../../../platform/services.ts';
import { formsEngine } from '../../forms/index.ts';
import type { SearchSource } from './service.ts';

/**
 * The forms residents can fill in, from the forms engine's registry (the latest version of each). Undefined on a
 * platform without the forms module.
 */
export function formsSearchSource(services: Services): SearchSource | undefined {
  let engine: ReturnType<typeof formsEngine>;
  try {
    engine = formsEngine(services);
  } catch {
    return undefined;
  }
  return {
    name: 'forms',
    kinds: { form: 'Form' },
    async documents() {
      const forms = await engine.registry.all();
      return forms.map((form) => {
        const { start, pages } = form.definition;
        return {
          key: form.id,
          kind: 'form',
          title: form.title,
          summary: start.paragraphs[0] ?? '',
          url: `/forms/${form.id}`,
          body: [...start.paragraphs.slice(1), ...(start.before ?? []), ...pages.flatMap((p) => (p.title ? [p.title] : []))].join('\n'),
        };
      });
    },
  };
}
