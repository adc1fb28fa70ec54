// OWNER: public-site helper. Rendered pages kept in memory, emptied on the site_published notification.
export class PageCache {
  /** Stops listening for changes; called when the platform stops. */
  async close(): Promise<void> {}
}
