import type { MenuLink, Redirect, SiteSettings } from '../../contracts.ts';
import type { DemoAlert } from './types.ts';

export const DEMO_SETTINGS: SiteSettings = {
  name: 'Stockport Council',
  tagline: 'Demo site: services for people who live, work and study in Stockport',
  logoUrl: null,
};

export const DEMO_MENUS: MenuLink[] = [
  { menu: 'header', text: 'Bins', href: '/bins-and-recycling' },
  { menu: 'header', text: 'Council tax', href: '/council-tax' },
  { menu: 'header', text: 'Roads', href: '/roads-travel-and-parking' },
  { menu: 'header', text: 'Libraries', href: '/libraries' },
  { menu: 'footer', text: 'Accessibility statement', href: '/accessibility' },
  { menu: 'footer', text: 'Cookies', href: '/cookies' },
  { menu: 'footer', text: 'Privacy', href: '/privacy' },
  { menu: 'footer', text: 'Contact us', href: '/contact-us' },
];

/** Addresses people have bookmarked or printed on old leaflets. */
export const DEMO_REDIRECTS: Redirect[] = [
  { from: '/bins', to: '/bins-and-recycling', permanent: true },
  { from: '/recycling', to: '/bins-and-recycling', permanent: true },
  { from: '/counciltax', to: '/council-tax', permanent: true },
  { from: '/library', to: '/libraries', permanent: true },
  { from: '/streetlights', to: '/report-a-streetlight-fault', permanent: true },
];

export const DEMO_ALERTS: DemoAlert[] = [
  {
    name: 'christmas-bin-collections-2026',
    title: 'Christmas and New Year bin collections',
    summary: 'Bin collections move by up to 2 days over Christmas and New Year.',
    topics: [],
    severity: 'information',
    showFrom: '2026-12-14T00:00:00+00:00',
    showUntil: '2027-01-10T23:59:59+00:00',
    message: 'Bin collections move by up to 2 days over Christmas and New Year. [Check your new collection day](/christmas-bin-collections).',
  },
  {
    name: 'reddish-library-closure-2026',
    title: 'Reddish Library closed for repairs',
    summary: 'Reddish Library is closed for roof repairs until 18 January 2027.',
    topics: ['/libraries'],
    severity: 'important',
    showFrom: '2026-11-02T00:00:00+00:00',
    showUntil: '2027-01-18T23:59:59+00:00',
    message:
      'Reddish Library is closed for roof repairs until 18 January 2027. You can return books to any other library, and loans due back while it is closed will not get fines. [Find another library](/library-opening-hours-and-locations).',
  },
];
