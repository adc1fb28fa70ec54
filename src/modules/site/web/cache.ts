// OWNER: public-site helper. Rendered pages kept in memory, emptied on the site_published notification.
export class PageCache {}
