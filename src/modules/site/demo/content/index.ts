import type { DemoPage } from './types.ts';
import { HOME_AND_TOPICS } from './topics.ts';
import { BINS_PAGES } from './bins.ts';
import { COUNCIL_TAX_PAGES } from './council-tax.ts';
import { ROADS_PAGES } from './roads.ts';
import { LIBRARY_PAGES } from './libraries.ts';
import { ADULT_CARE_PAGES } from './care.ts';
import { CHILDREN_PAGES } from './children.ts';
import { COMMUNITY_PAGES } from './community.ts';
import { DIGITAL_PAGES } from './digital.ts';
import { NEWS_PAGES } from './news.ts';
import { MOVING_PAGES } from './moving.ts';
import { COUNCIL_PAGES } from './council.ts';

export { DEMO_ALERTS, DEMO_MENUS, DEMO_REDIRECTS, DEMO_SETTINGS } from './site.ts';

/** Every page of the demo borough's website, written in plain English for Stockport. */
export const DEMO_PAGES: DemoPage[] = [
  ...HOME_AND_TOPICS,
  ...BINS_PAGES,
  ...COUNCIL_TAX_PAGES,
  ...ROADS_PAGES,
  ...LIBRARY_PAGES,
  ...ADULT_CARE_PAGES,
  ...CHILDREN_PAGES,
  ...COMMUNITY_PAGES,
  ...DIGITAL_PAGES,
  ...NEWS_PAGES,
  ...MOVING_PAGES,
  ...COUNCIL_PAGES,
];
