import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/identity/sign-in-session.ts';
import type { ContractorRoute } from '../reports/contracts.ts';
import type { IntegrationsService } from './service.ts';
import type { Delivery } from './repository.ts';
import type { DeliveryStatus } from './tables.ts';
import { settingName } from './routing.ts';

const access = { permission: 'integrations.manage' } as const;
const PAGE_SIZE = 50;

const Query = z.object({
  status: z.enum(['pending', 'sent', 'failed']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

const STATUS_TEXT: Record<DeliveryStatus, { text: string; classes: string }> = {
  pending: { text: 'Waiting to send', classes: 'govuk-tag--blue' },
  sent: { text: 'Sent', classes: 'govuk-tag--green' },
  failed: { text: 'Could not send', classes: 'govuk-tag--red' },
};

/** Where a route sends, in words: "Open311 at $CONTRACTOR_…_URL, service streetlight". */
export function describeRoute(route: ContractorRoute | null): string {
  if (!route) return 'A route that cannot be read';
  if (route.type === 'webhook') return `Webhook to ${addressLabel(route.url)}`;
  return `Open311 to ${addressLabel(route.endpoint)}, service ${route.serviceCode}${route.jurisdictionId ? `, jurisdiction ${route.jurisdictionId}` : ''}`;
}

/** A contractor's system, for the updates table: "Open311 at the address in $CONTRACTOR_…_URL". */
function describeSystem(route: ContractorRoute | null): string {
  if (route?.type !== 'open311') return 'A system whose route cannot be read';
  return `Open311 at ${addressLabel(route.endpoint)}${route.jurisdictionId ? `, jurisdiction ${route.jurisdictionId}` : ''}`;
}

function addressLabel(value: string): string {
  const name = settingName(value);
  return name ? `the address in ${name}` : value;
}

function deliveryView(d: Delivery) {
  return { ...d, destination: describeRoute(d.route), statusTag: STATUS_TEXT[d.status] };
}

/** /staff/integrations: deliveries by status, dead letters with "Resend", and where each category goes. */
export async function integrationsRoutes(app: FastifyInstance, integrations: IntegrationsService): Promise<void> {
  const { delivery, routes, polling } = integrations;

  app.get('/staff/integrations', { config: { access } }, async (request, reply) => {
    const query = Query.parse(request.query ?? {});
    const page = query.page ?? 1;
    const [counts, failed, listed, configured, marks, systems] = await Promise.all([
      delivery.repository.counts(),
      delivery.repository.list({ status: 'failed', limit: 100, offset: 0 }),
      delivery.repository.list({ status: query.status, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }),
      routes.all(integrations.db),
      delivery.repository.pollMarks(),
      delivery.repository.open311Systems(),
    ]);
    const choices: (DeliveryStatus | undefined)[] = [undefined, 'pending', 'sent', 'failed'];
    const filter = (status?: DeliveryStatus, p?: number) => `/staff/integrations?${new URLSearchParams({ ...(status && { status }), ...(p && p > 1 && { page: String(p) }) }).toString()}#deliveries`;
    return reply.render('integrations/index.njk', {
      counts,
      failed: failed.map(deliveryView),
      deliveries: listed.slice(0, PAGE_SIZE).map(deliveryView),
      status: query.status,
      filters: choices.map((s) => ({ href: filter(s), text: s ? STATUS_TEXT[s].text : 'All', current: s === query.status })),
      previous: page > 1 ? { href: filter(query.status, page - 1) } : undefined,
      next: listed.length > PAGE_SIZE ? { href: filter(query.status, page + 1) } : undefined,
      routes: configured.map((r) => ({ ...r, destination: describeRoute(r.route) })),
      marks: marks.map((m) => ({ ...m, contractor: describeSystem(systems.find((s) => s.systemKey === m.systemKey)?.route ?? null) })),
      pollMinutes: polling.minutes,
    });
  });

  app.post<{ Params: { id: string } }>('/staff/integrations/deliveries/:id/resend', { config: { access } }, async (request, reply) => {
    const resent = await delivery.resend(request.params.id, actorOf(request));
    const found = resent ? await delivery.repository.find(request.params.id) : null;
    request.session.flash = found ? `Report ${found.reportReference} will be sent again` : 'That report is no longer in the list of reports that could not be sent';
    return reply.redirect('/staff/integrations', 303);
  });
}
