import type { FastifyInstance } from 'fastify';
import type { Identity } from './identity.ts';
import { currentUser } from './sign-in-session.ts';

/** The staff home page: what this person's roles let them do, with a link where there is a page for it. */
export function staffRoutes(app: FastifyInstance, identity: Identity): void {
  /** The first page (GET, no parameters) that needs the permission, found from the routes themselves. */
  const pageFor = (permission: string): string | undefined =>
    app.routeAccess.find((r) => r.method === 'GET' && r.url !== '/staff' && !r.url.includes(':') && typeof r.access === 'object' && r.access.permission === permission)?.url;

  app.get('/staff', { config: { access: { permission: 'staff.home' } } }, async (request, reply) => {
    const user = currentUser(request);
    const [described, roles] = await Promise.all([identity.staff.permissionsDescribed(user.permissions), identity.services.accounts.roles()]);
    const tasks = described.filter((p) => p.name !== 'staff.home').map((p) => ({ text: p.description, href: pageFor(p.name) }));
    const roleLabels = roles.filter((r) => user.roles.includes(r.name)).map((r) => r.label);
    return reply.render('staff/home.njk', { tasks, roleLabels });
  });
}
