import type { Services } from '../../../platform/services.ts';

// OWNER: search helper.
export interface SearchHit {
  title: string;
  url: string;
  summary: string;
  kind: string;
}

/** Something other modules (forms, the community directory) give search to find. */
export interface SearchSource {
  name: string;
}

export class SiteSearch {
  constructor(readonly services: Services) {}

  setUp(): void {}
}
