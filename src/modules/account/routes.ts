import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../platform/services.ts';
import { SESSION_COOKIE } from '../../platform/http/session.ts';
import { rateLimits } from '../../platform/identity/rate-limits.ts';
import { AccountService } from './service.ts';
import { dashboardCards } from './dashboard.ts';
import { pageErrors, readForm, text, ticked } from '../../platform/http/forms.ts';
import { checkPreferences, checkProfile } from './validation.ts';
import { formatUkPhone, isUkMobile } from '../../platform/contact/phone.ts';
import { addressRoutes } from './address-routes.ts';
import { actorOf, currentUser } from '../../platform/identity/sign-in-session.ts';

const user = { access: 'user' } as const;

const ProfileForm = z.object({ name: text, phone: text });
const NotificationsForm = z.object({ channels: ticked });
const DeleteForm = z.object({ password: text, confirm: ticked });

/** My Account: the dashboard, profile, notification preferences, and the person's rights over their data. */
export async function accountRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const myAccount = new AccountService(services);

  app.get('/account', { config: user }, async (request, reply) => {
    const me = currentUser(request);
    const [account, cards] = await Promise.all([myAccount.find(me.id), dashboardCards(services.personalData.cards, me.id, request.log)]);
    return reply.render('account/dashboard.njk', { account, cards, isStaff: me.isStaff, emailVerified: me.emailVerified });
  });

  app.get('/account/profile', { config: user }, async (request, reply) => {
    const account = await myAccount.find(currentUser(request).id);
    return reply.render('account/profile.njk', { values: { name: account.name ?? '', phone: account.phone ? formatUkPhone(account.phone) : '' }, address: account.address });
  });

  app.post('/account/profile', { config: user }, async (request, reply) => {
    const form = readForm(ProfileForm, request.body);
    const checked = checkProfile(form);
    if (!checked.ok) {
      const account = await myAccount.find(currentUser(request).id);
      return reply.code(400).render('account/profile.njk', { values: form, address: account.address, ...pageErrors(checked.errors) });
    }
    const { textMessagesStopped } = await myAccount.saveProfile(currentUser(request).id, checked.value, actorOf(request));
    request.session.flash = textMessagesStopped
      ? 'Your details have been saved. We will not send you text messages, because your profile has no mobile phone number.'
      : 'Your details have been saved';
    return reply.redirect('/account', 303);
  });

  app.get('/account/notifications', { config: user }, async (request, reply) => {
    const account = await myAccount.find(currentUser(request).id);
    const channels = [...(account.notifyEmail ? ['email'] : []), ...(account.notifySms ? ['sms'] : [])];
    return reply.render('account/notifications.njk', { channels, hasMobile: isUkMobile(account.phone) });
  });

  app.post('/account/notifications', { config: user }, async (request, reply) => {
    const { channels } = readForm(NotificationsForm, request.body);
    const account = await myAccount.find(currentUser(request).id);
    const checked = checkPreferences(channels, account.phone);
    if (!checked.ok) {
      return reply.code(400).render('account/notifications.njk', { channels, hasMobile: isUkMobile(account.phone), ...pageErrors(checked.errors) });
    }
    await myAccount.savePreferences(account.id, checked.value, actorOf(request));
    request.session.flash = 'Your notification preferences have been saved';
    return reply.redirect('/account', 303);
  });

  app.get('/account/download', { config: user }, async (request, reply) => {
    const data = await myAccount.exportData(currentUser(request).id, actorOf(request));
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="lastmile-my-data-${day}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/account/delete', { config: user }, async (request, reply) => {
    const account = await myAccount.find(currentUser(request).id);
    return reply.render('account/delete.njk', { account, retained: myAccount.retained() });
  });

  // Limited with the other account changes: a wrong password here tells someone at an unlocked screen whether they guessed right.
  app.post('/account/delete', { config: { ...user, rateLimit: rateLimits.accountChange } }, async (request, reply) => {
    const form = readForm(DeleteForm, request.body);
    const account = await myAccount.find(currentUser(request).id);
    const errors = await myAccount.checkDeletion(account, { password: form.password, confirm: form.confirm.includes('yes') });
    if (errors.length) return reply.code(400).render('account/delete.njk', { account, retained: myAccount.retained(), ...pageErrors(errors) });
    await myAccount.deleteAccount(account.id, actorOf(request));
    await request.session.destroy();
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).redirect('/account/deleted', 303);
  });

  app.get('/account/deleted', { config: { access: 'public' } }, async (_request, reply) => reply.render('account/deleted.njk'));

  await addressRoutes(app, services, myAccount);
}
