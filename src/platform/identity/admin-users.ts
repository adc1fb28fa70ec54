import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { FormErrors, readForm, text, ticked } from '../http/forms.ts';
import { emailProblem } from './forms.ts';
import type { Identity } from './identity.ts';
import type { Person } from './staff-directory.ts';
import { actorOf, currentUser } from './sign-in-session.ts';

const findForm = z.object({ email: text });
const rolesForm = z.object({ roles: ticked });
const ADMIN_ROLE = 'admin';

/** Administrators see who has staff roles, find a person by email and change their roles. */
export function adminUserRoutes(app: FastifyInstance, identity: Identity): void {
  const { accounts } = identity.services;
  const access = { permission: 'admin.users' };

  const listPage = async (reply: FastifyReply, data: Record<string, unknown> = {}) => {
    const [staff, roles] = await Promise.all([identity.staff.staff(), accounts.roles()]);
    const label = new Map(roles.map((r) => [r.name, r.label]));
    const people = staff.map((p) => ({ ...p, roleLabels: p.roles.map((r) => label.get(r) ?? r) }));
    return reply.render('staff/users.njk', { people, ...data });
  };

  const personPage = async (reply: FastifyReply, person: Person, selected: string[], data: Record<string, unknown> = {}) => {
    const roleItems = (await accounts.roles()).map((r) => ({ value: r.name, text: r.label, hint: { text: r.description }, checked: selected.includes(r.name) }));
    return reply.render('staff/user.njk', { person, roleItems, ...data });
  };

  app.get('/admin/users', { config: { access } }, async (_request, reply) => listPage(reply));

  app.post('/admin/users', { config: { access } }, async (request, reply) => {
    const form = readForm(findForm, request.body);
    const errors = new FormErrors();
    const issue = emailProblem(form.email, 'Enter the email address of the person you are looking for');
    const person = issue ? undefined : await identity.staff.personByEmail(form.email);
    if (issue) errors.add('email', issue);
    else if (!person) errors.add('email', 'No account uses this email address');
    if (!person) return listPage(reply.code(400), { values: form, ...errors.view() });
    return reply.redirect(`/admin/users/${person.id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/admin/users/:id', { config: { access } }, async (request, reply) => {
    const person = await identity.staff.person(request.params.id);
    if (!person) return reply.callNotFound();
    return personPage(reply, person, person.roles);
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id', { config: { access } }, async (request, reply) => {
    const admin = currentUser(request);
    const person = await identity.staff.person(request.params.id);
    if (!person) return reply.callNotFound();
    const { roles: chosen } = readForm(rolesForm, request.body);
    const known = new Set((await accounts.roles()).map((r) => r.name));
    const errors = new FormErrors();
    if (chosen.some((r) => !known.has(r))) errors.add('roles', 'Select roles from the list');
    // Nobody can lock themselves (and perhaps everyone) out of managing staff.
    else if (person.id === admin.id && person.roles.includes(ADMIN_ROLE) && !chosen.includes(ADMIN_ROLE)) {
      errors.add('roles', 'You cannot remove your own Administrator role. Ask another administrator to do it');
    }
    if (errors.any) return personPage(reply.code(400), person, chosen, errors.view());

    await accounts.setRoles(person.id, [...new Set(chosen)], actorOf(request));
    request.session.flash = `Roles updated for ${person.name ?? person.email}`;
    return reply.redirect(`/admin/users/${person.id}`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/two-factor/reset', { config: { access } }, async (request, reply) => {
    const person = await identity.staff.person(request.params.id);
    if (!person) return reply.callNotFound();
    await identity.twoFactor.reset(person.id, actorOf(request));
    request.session.flash = `Two-factor authentication reset for ${person.name ?? person.email}. They will set it up again when they next sign in.`;
    return reply.redirect(`/admin/users/${person.id}`, 303);
  });
}
