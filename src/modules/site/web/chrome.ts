import type { FastifyRequest } from 'fastify';
import type { DocumentOf } from '../contracts.ts';
import type { Site } from '../index.ts';
import { toPublished } from '../published.ts';
import { renderRichText, safeHref } from '../rich-text/index.ts';
import { siteDb } from '../tables.ts';
import { escapeHtml } from './html.ts';

/** A live topic, as breadcrumbs, navigation and topic alerts need it. */
export interface TopicSummary {
  id: string;
  title: string;
  path: string;
  summary: string;
  parentId: string | null;
}

interface LiveAlert {
  id: string;
  title: string;
  fields: DocumentOf<'alert'>['fields'];
  topicIds: string[];
  /** Rendered once when loaded: every page shows it. */
  banner: Banner;
}

/** Parameters for govukNotificationBanner, as layout.njk shows them. */
export interface Banner {
  titleText: string;
  titleId: string;
  html: string;
  classes?: string;
}

export interface Link {
  href: string;
  text: string;
  active?: boolean;
}

/**
 * The parts of the site every page shows (name, logo, menus, alerts) and the topic tree, read once and kept until
 * live content or settings change, so a page costs no database round trip for them.
 */
export class SiteSnapshot {
  private constructor(
    readonly siteName: string | undefined,
    readonly siteLogoUrl: string | undefined,
    readonly headerLinks: Link[],
    readonly footerLinks: Link[] | undefined,
    readonly topics: Map<string, TopicSummary>,
    private readonly alerts: LiveAlert[],
  ) {}

  static async load(site: Site): Promise<SiteSnapshot> {
    const db = siteDb(site.services.db);
    const [settings, menus, rows] = await Promise.all([
      db.selectFrom('site_settings').select(['name', 'logo_url']).executeTakeFirst(),
      db.selectFrom('site_menu_links').select(['menu', 'text', 'href']).orderBy('menu').orderBy('position').execute(),
      db.selectFrom('site_published').selectAll().where('type', 'in', ['topic', 'alert']).orderBy('title').execute(),
    ]);
    const topics = new Map<string, TopicSummary>();
    const alerts: LiveAlert[] = [];
    for (const row of rows) {
      const { id, document } = toPublished(row);
      if (document.type === 'topic') topics.set(id, { id, title: document.title, path: document.path, summary: document.summary, parentId: document.fields.parentId });
      if (document.type === 'alert') {
        const alert = { id, title: document.title, fields: document.fields };
        alerts.push({ ...alert, topicIds: document.topicIds, banner: banner(alert) });
      }
    }
    const links = (menu: 'header' | 'footer'): Link[] => menus.filter((m) => m.menu === menu).map((m) => ({ href: safeHref(m.href), text: m.text }));
    const footer = links('footer');
    return new SiteSnapshot(settings?.name, settings?.logo_url ? safeHref(settings.logo_url) : undefined, links('header'), footer.length ? footer : undefined, topics, alerts);
  }

  /** The topic and its parents, top first. Stops at a missing topic (a draft may name one not yet live) or a loop. */
  topicChain(topicId: string | undefined): TopicSummary[] {
    const chain: TopicSummary[] = [];
    let next = topicId ? this.topics.get(topicId) : undefined;
    while (next && !chain.includes(next)) {
      chain.unshift(next);
      next = next.parentId ? this.topics.get(next.parentId) : undefined;
    }
    return chain;
  }

  subTopics(topicId: string | null): TopicSummary[] {
    return [...this.topics.values()].filter((t) => t.parentId === topicId || (topicId === null && t.parentId !== null && !this.topics.has(t.parentId)));
  }

  /** Alerts showing at `now`: site-wide ones, and those of the given topics or any topic above them. */
  banners(now: Date, topicIds: string[] = []): Banner[] {
    const tagged = new Set(topicIds.flatMap((id) => this.topicChain(id).map((t) => t.id)));
    return this.alerts
      .filter((a) => showing(a, now) && (a.topicIds.length === 0 || a.topicIds.some((id) => tagged.has(id))))
      .sort((a, b) => SEVERITY_ORDER[a.fields.severity] - SEVERITY_ORDER[b.fields.severity])
      .map((a) => a.banner);
  }

  /** The next moment an alert starts or stops showing after `now` (a cached page is out of date then), or Infinity. */
  nextAlertChange(now: Date): number {
    let next = Infinity;
    for (const { fields } of this.alerts) {
      for (const at of [fields.showFrom, fields.showUntil]) {
        const t = at ? Date.parse(at) : NaN;
        if (t > now.getTime() && t < next) next = t;
      }
    }
    return next;
  }
}

const SEVERITY_ORDER = { emergency: 0, important: 1, information: 2 } as const;
const SEVERITY_TITLE = { emergency: 'Emergency', important: 'Important', information: 'Information' } as const;

function showing(alert: LiveAlert, now: Date): boolean {
  const { showFrom, showUntil } = alert.fields;
  return (!showFrom || Date.parse(showFrom) <= now.getTime()) && (!showUntil || now.getTime() < Date.parse(showUntil));
}

/** Emergency and important alerts say so in the banner's title; emergencies are also red (see _site.scss). */
export function banner(alert: Pick<LiveAlert, 'id' | 'title' | 'fields'>): Banner {
  const { severity, message } = alert.fields;
  const heading = `<p class="govuk-notification-banner__heading">${escapeHtml(alert.title)}</p>`;
  return {
    titleText: SEVERITY_TITLE[severity],
    titleId: `alert-${alert.id}`,
    html: heading + renderRichText(message),
    classes: severity === 'information' ? undefined : `app-alert app-alert--${severity}`,
  };
}

/** Keeps one snapshot per site, reloaded after the page cache hears of a change. */
class SnapshotHolder {
  private current: SiteSnapshot | undefined;
  private loading: Promise<SiteSnapshot> | undefined;
  private loadedAt = 0;

  constructor(private readonly site: Site) {
    site.pages.onInvalidate(() => {
      this.current = undefined;
    });
  }

  /** The snapshot, or a promise of it when it must be (re)loaded: once per change, not per request. */
  get(): SiteSnapshot | Promise<SiteSnapshot> {
    // Without change notifications (the listener is reconnecting) a copy is trusted for a few seconds only.
    const stale = !this.site.pages.active && Date.now() - this.loadedAt > 5000;
    if (this.current && !stale) return this.current;
    if (!this.loading) {
      const generation = this.site.pages.generation;
      this.loading = SiteSnapshot.load(this.site)
        .then((snapshot) => {
          if (generation === this.site.pages.generation) {
            this.current = snapshot;
            this.loadedAt = Date.now();
          }
          return snapshot;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return this.loading;
  }
}

const holders = new WeakMap<Site, SnapshotHolder>();

/** The site's snapshot of menus, settings, alerts and topics (no database round trip unless something changed). */
export function siteSnapshot(site: Site): SiteSnapshot | Promise<SiteSnapshot> {
  let holder = holders.get(site);
  if (!holder) {
    holder = new SnapshotHolder(site);
    holders.set(site, holder);
  }
  return holder.get();
}

/** Site name, logo, header and footer menus, and the site-wide alert banners, for every page's layout. */
export function siteChrome(site: Site): (request: FastifyRequest) => Record<string, unknown> | Promise<Record<string, unknown>> {
  void site.pages.listen(site.services.databaseUrl, site.services.log);
  return (request) => {
    const snapshot = siteSnapshot(site);
    return snapshot instanceof SiteSnapshot ? chromeLocals(snapshot, request.url) : snapshot.then((s) => chromeLocals(s, request.url));
  };
}

function chromeLocals(snapshot: SiteSnapshot, url: string): Record<string, unknown> {
  return {
    siteName: snapshot.siteName,
    siteLogoUrl: snapshot.siteLogoUrl,
    headerLinks: snapshot.headerLinks.map((link) => ({ ...link, active: isWithin(url, link.href) })),
    footerLinks: snapshot.footerLinks,
    siteBanners: snapshot.banners(new Date()),
  };
}

/** A menu link is current on its own page and the pages under it (never "/" for everything). */
function isWithin(url: string, href: string): boolean {
  if (!href.startsWith('/') || href === '/') return false;
  const path = url.split('?')[0] ?? url;
  return path === href || path.startsWith(`${href}/`);
}
