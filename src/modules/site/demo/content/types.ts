import type { ContentLink } from '../../contracts.ts';

/**
 * How the demo borough's pages are written: Markdown for rich text, and other pages named by address rather than by
 * id, so a reader can follow the site's shape. bundle.ts turns these into the content model.
 */
interface Page {
  /** The page's address. */
  path: string;
  title: string;
  summary: string;
  /** Addresses of the topics the page belongs to; the first is its home in breadcrumbs. */
  topics: string[];
  lgaServiceCodes?: number[];
}

export type DemoPage =
  | (Page & { type: 'home'; intro: string; popularTasks: ContentLink[]; featuredTopics: string[] })
  | (Page & { type: 'topic'; parent: string | null; intro: string; featured?: ContentLink[] })
  | (Page & { type: 'guide'; sections: { title: string; slug: string; body: string }[] })
  | (Page & { type: 'start'; body: string; startUrl: string; startLabel?: string; beforeYouStart?: string })
  | (Page & { type: 'step_by_step'; intro: string; steps: { title: string; body: string; links?: ContentLink[]; logic?: 'and' | 'or' }[] })
  | (Page & { type: 'news'; date: string; body: string })
  | (Page & {
      type: 'event';
      body: string;
      startsAt: string;
      endsAt: string;
      recurrence?: { frequency: 'weekly' | 'monthly'; until: string };
      venue: { name: string; address: string; postcode: string };
      cost: string;
      bookingUrl?: string;
    })
  | (Page & { type: 'contact'; body: string; phone?: string; email?: string; address?: string; openingHours?: string })
  | (Page & { type: 'publication'; body: string; publishedOn: string; documents: { title: string; url: string; format: string; sizeBytes?: number }[] });

/** An alert banner has no address: `name` gives it a stable id. No topics means it shows on every page. */
export interface DemoAlert {
  name: string;
  title: string;
  summary: string;
  topics: string[];
  message: string;
  severity: 'information' | 'important' | 'emergency';
  showFrom: string;
  showUntil: string;
}
