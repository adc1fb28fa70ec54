import type { FastifyBaseLogger } from 'fastify';
import type { AccountCard, AccountCardProvider } from '../../platform/identity/personal-data.ts';

export type DashboardCard = { id: string; card: AccountCard } | { id: string; unavailable: { title: string; text: string } };

const CARD_TIMEOUT_MS = 3000;

/**
 * Every module's card for this person, in the order the modules registered them. One module
 * failing or hanging must not hide the rest of someone's account: its card says so and the error is logged.
 */
export async function dashboardCards(providers: readonly AccountCardProvider[], userId: string, log: FastifyBaseLogger, timeoutMs = CARD_TIMEOUT_MS): Promise<DashboardCard[]> {
  const results = await Promise.allSettled(providers.map(async (p) => withTimeout(p.card(userId), timeoutMs)));
  return results.flatMap((result, i): DashboardCard[] => {
    const provider = providers[i];
    if (!provider) return [];
    if (result.status === 'fulfilled') return result.value ? [{ id: provider.id, card: result.value }] : [];
    log.error({ err: result.reason, provider: provider.id }, 'account card failed');
    const what = describe(provider.id);
    return [{ id: provider.id, unavailable: { title: what.charAt(0).toUpperCase() + what.slice(1), text: `We cannot show your ${what} right now` } }];
  });
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms}ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** "form-submissions" → "form submissions": provider ids are the only name we have for a card that failed. */
function describe(id: string): string {
  return id.replace(/[-_.]+/g, ' ').trim().toLowerCase() || 'details';
}
