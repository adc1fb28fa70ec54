import type { FormsEngine } from './engine.ts';

/**
 * The daily clean-up: expired drafts go, and so do submissions older than their form's
 * `retention.submissionDays` (their deliveries go with them).
 */
export async function applyRetention(engine: Pick<FormsEngine, 'registry' | 'drafts' | 'submissions'>, now = new Date()): Promise<{ drafts: number; submissions: number }> {
  const drafts = await engine.drafts.expire(now);
  let submissions = 0;
  for (const form of await engine.registry.all()) {
    const cutoff = new Date(now.getTime() - form.definition.retention.submissionDays * 24 * 3600 * 1000);
    submissions += await engine.submissions.repository.deleteOlderThan(form.id, cutoff);
  }
  return { drafts, submissions };
}
