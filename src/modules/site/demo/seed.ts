import type { Site } from '../index.ts';

// OWNER: demo-content helper. The demo borough's website, imported through the editorial import.
export async function seedSiteDemo(_site: Site, _progress: (label: string, done: number, total: number) => void): Promise<void> {}
