import type { JobDefinition } from '../../../platform/jobs/index.ts';
import type { Services } from '../../../platform/services.ts';
import type { SiteBundleInput } from '../contracts.ts';
import type { PublishedContentStore } from '../published.ts';

/** Who is acting: a member of staff, or null for the system (demo seed, import from the command line). */
export interface Editor {
  actorId: string | null;
}

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

  /**
   * Checks the whole bundle (schema, references, addresses, internal links) and writes it in one transaction, or
   * throws with every problem and writes nothing. Items already present (same id) get a new version.
   */
  async importBundle(_bundle: SiteBundleInput, _editor: Editor, _options: { publish: boolean }): Promise<{ created: number; updated: number }> {
    throw new Error('not built yet');
  }
}
