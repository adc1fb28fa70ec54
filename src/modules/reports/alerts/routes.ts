import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pageErrors, readForm, type FieldError } from '../../../platform/http/forms.ts';
import type { Services } from '../../../platform/services.ts';
import type { ReportsCore } from '../core.ts';
import { ALERT_RADII, CONFIRM_WITHIN_DAYS, distanceText, type ReportAlerts } from './service.ts';
import { readSignUp, SignUpForm, type SignUpValues, type StreetChoice } from './signup.ts';

const open = { access: 'public' } as const;
/** Each sign-up sends an email: as many from one network address as account sign-ups (the 429 page says 15 minutes). */
const signUpLimit = { max: 20, timeWindow: '15 minutes', hook: 'preHandler', keyGenerator: (r: FastifyRequest) => `report-alerts|${r.ip}` } as const;
type ByToken = { Params: { token: string } };
type Prefill = { Querystring: { ward?: string; category?: string } };

/** Email alerts' pages: sign up, confirm from the email, and stop from any alert email. */
export async function alertRoutes(app: FastifyInstance, services: Services, core: ReportsCore, alerts: ReportAlerts): Promise<void> {
  const signUpPage = async (values: Partial<SignUpValues>, choices: StreetChoice[], errors: FieldError[]) => {
    const categories = await core.categories.active();
    return {
      values: { area: '', ward: '', search: '', place: '', radius: '500', email: '', ...values, categories: values.categories ?? [] },
      wards: services.geography.wards(),
      categories: categories.map((c) => ({ value: c.code, text: c.name, checked: values.categories?.includes(c.code) ?? false })),
      radii: ALERT_RADII.map((r) => ({ value: String(r), text: distanceText(r), checked: String(r) === (values.radius ?? '500') })),
      choices: choices.map((c) => ({ ...c, checked: c.value === values.place })),
      borough: services.geography.borough.name,
      mapTiles: services.config.mapTileUrl,
      ...pageErrors(errors),
    };
  };

  app.get<Prefill>('/reports/alerts', { config: open }, async (request, reply) => {
    const ward = typeof request.query.ward === 'string' && services.geography.ward(request.query.ward) ? request.query.ward : '';
    const category = typeof request.query.category === 'string' ? request.query.category : '';
    const email = request.user?.email ?? '';
    return reply.render('reports/alerts/new.njk', await signUpPage({ ...(ward ? { area: 'ward', ward } : {}), categories: category ? [category] : [], email }, [], []));
  });

  app.post('/reports/alerts', { config: { ...open, rateLimit: signUpLimit } }, async (request, reply) => {
    const form = readForm(SignUpForm, request.body);
    const categoryCodes = (await core.categories.active()).map((c) => c.code);
    const signUp = await readSignUp(form, request.user, { gazetteer: services.gazetteer, categoryCodes });
    if (!signUp.ok) return reply.code(400).render('reports/alerts/new.njk', await signUpPage(form, signUp.choices, signUp.errors));
    await alerts.request(signUp.request);
    return reply.redirect('/reports/alerts/check-your-email', 303);
  });

  app.get('/reports/alerts/check-your-email', { config: open }, async (_request, reply) => reply.render('reports/alerts/check-email.njk', { days: CONFIRM_WITHIN_DAYS }));

  // Links in emails land on a page with a button: mail scanners open links, and only a person's press should act.
  app.get<ByToken>('/reports/alerts/confirm/:token', { config: open }, async (request, reply) => {
    const alert = await alerts.byConfirmToken(request.params.token);
    if (!alert) return reply.code(404).render('reports/alerts/link-expired.njk', { days: CONFIRM_WITHIN_DAYS });
    if (alert.confirmed) return reply.render('reports/alerts/confirmed.njk', { alert });
    return reply.render('reports/alerts/confirm.njk', { alert, token: request.params.token });
  });

  app.post<ByToken>('/reports/alerts/confirm/:token', { config: open }, async (request, reply) => {
    const alert = await alerts.confirm(request.params.token);
    if (!alert) return reply.code(404).render('reports/alerts/link-expired.njk', { days: CONFIRM_WITHIN_DAYS });
    return reply.render('reports/alerts/confirmed.njk', { alert });
  });

  app.get<ByToken>('/reports/alerts/unsubscribe/:token', { config: open }, async (request, reply) => {
    const alert = await alerts.byUnsubscribeToken(request.params.token);
    if (!alert) return reply.render('reports/alerts/unsubscribed.njk', {});
    return reply.render('reports/alerts/unsubscribe.njk', { alert, token: request.params.token });
  });

  app.post<ByToken>('/reports/alerts/unsubscribe/:token', { config: open }, async (request, reply) => {
    const done = await alerts.unsubscribe(request.params.token);
    if (!done) return reply.code(404).render('reports/alerts/link-expired.njk', { days: CONFIRM_WITHIN_DAYS });
    return reply.render('reports/alerts/unsubscribed.njk', {});
  });
}
