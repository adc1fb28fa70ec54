import type { JobDefinition } from '../../../platform/jobs/index.ts';
import type { Services } from '../../../platform/services.ts';

// OWNER: content-source helper.
export interface ContentSource {
  readonly name: 'builtin' | 'contentful';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  jobDefinitions(): JobDefinition<any>[];
  close(): Promise<void>;
}

export function contentSource(_services: Services): ContentSource {
  return { name: 'builtin', jobDefinitions: () => [], close: async () => undefined };
}
