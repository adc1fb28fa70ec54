import type { ContentDocument, ContentLink } from '../contracts.ts';
import { richTextLinks, type RichText } from '../rich-text/index.ts';

/** A link an item makes, and where in the item it is (the form field that holds it). */
export interface ItemLink {
  href: string;
  field: string;
}

/** Every link in a document, with the field it sits in. */
export function documentLinks(document: ContentDocument): ItemLink[] {
  const out: ItemLink[] = [];
  const rich = (field: string, text: RichText) => richTextLinks(text).forEach((href) => out.push({ href, field }));
  const list = (field: string, links: ContentLink[]) => links.forEach((l) => out.push({ href: l.href, field }));
  const one = (field: string, href: string | null) => {
    if (href) out.push({ href, field });
  };
  switch (document.type) {
    case 'home':
      rich('intro', document.fields.intro);
      list('popularTasks', document.fields.popularTasks);
      break;
    case 'topic':
      rich('intro', document.fields.intro);
      list('featured', document.fields.featured);
      break;
    case 'guide':
      document.fields.sections.forEach((s) => rich('sections', s.body));
      break;
    case 'start':
      rich('body', document.fields.body);
      rich('beforeYouStart', document.fields.beforeYouStart);
      one('startUrl', document.fields.startUrl);
      break;
    case 'step_by_step':
      rich('intro', document.fields.intro);
      for (const step of document.fields.steps) {
        rich('steps', step.body);
        list('steps', step.links);
      }
      break;
    case 'event':
      rich('body', document.fields.body);
      one('bookingUrl', document.fields.bookingUrl);
      break;
    case 'publication':
      rich('body', document.fields.body);
      document.fields.documents.forEach((d) => one('documents', d.url));
      break;
    case 'alert':
      rich('message', document.fields.message);
      break;
    default:
      rich('body', document.fields.body);
  }
  return out;
}

/** The path part of a link to a page on this site ("/bins?x=1#a" → "/bins"), or null for other links. */
export function internalPath(href: string): string | null {
  if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/\\')) return null;
  const path = href.replace(/[?#].*$/, '');
  return path.length > 1 ? path.replace(/\/+$/, '') : '/';
}

/** The internal links of a document that point nowhere, by `resolves`. */
export function brokenLinks(document: ContentDocument, resolves: (path: string) => boolean): ItemLink[] {
  return documentLinks(document).filter((link) => {
    const path = internalPath(link.href);
    return path !== null && !resolves(path);
  });
}

/** The addresses a document's page answers at: its own, and a guide's sections (/guide/section). */
export function documentAddresses(document: ContentDocument): string[] {
  if (document.path === null) return [];
  if (document.type !== 'guide') return [document.path];
  const base = document.path === '/' ? '' : document.path;
  return [document.path, ...document.fields.sections.map((s) => `${base}/${s.slug}`)];
}

/** Topic ids a document refers to: its tags, a topic's parent, the home page's featured topics. */
export function topicReferences(document: ContentDocument): { id: string; field: string }[] {
  const refs = document.topicIds.map((id) => ({ id, field: 'topicIds' }));
  if (document.type === 'topic' && document.fields.parentId) refs.push({ id: document.fields.parentId, field: 'parentId' });
  if (document.type === 'home') refs.push(...document.fields.featuredTopicIds.map((id) => ({ id, field: 'featuredTopicIds' })));
  return refs;
}
