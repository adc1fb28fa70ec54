import type { JobDefinition } from '../../../platform/jobs/index.ts';
import type { Services } from '../../../platform/services.ts';
import type { PublishedContentStore } from '../published.ts';

// OWNER: editorial helper. Drafts, publish (now or at a time), unpublish, history, rollback, import/export.
export class SiteEditorial {
  constructor(
    readonly services: Services,
    readonly published: PublishedContentStore,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  jobDefinitions(): JobDefinition<any>[] {
    return [];
  }
}
