import type { FastifyInstance } from 'fastify';
import type { FieldError } from '../../../platform/http/forms.ts';
import { menuLinkSchema, pathSchema, redirectSchema, siteSettingsSchema, type MenuLink } from '../contracts.ts';
import type { Site } from '../index.ts';
import { internalPath } from '../editorial/links.ts';
import { problem } from '../editorial/problems.ts';
import { editorialDb } from '../editorial/tables.ts';
import { linksText, str } from '../editorial/text-form.ts';
import { edit, editorOf, errorsView, posted } from './shared.ts';

/** Redirects, the header and footer menus, and the site's name, tagline and logo. Changes are live at once. */
export async function settingsRoutes(app: FastifyInstance, site: Site): Promise<void> {
  const { services, editorial } = site;
  const db = () => editorialDb(services.db);

  const redirectsPage = async (extra: Record<string, unknown> = {}) => ({
    redirects: await db().selectFrom('site_redirects').selectAll().orderBy('from_path').execute(),
    values: { permanent: 'yes' },
    ...extra,
  });

  app.get('/staff/site/redirects', { config: edit }, async (_request, reply) => reply.render('admin/redirects.njk', await redirectsPage()));

  app.post('/staff/site/redirects', { config: edit }, async (request, reply) => {
    const values = posted(request.body);
    const from = str(values, 'from').trim();
    const to = str(values, 'to').trim();
    const problems: FieldError[] = [];
    if (!from) problems.push(problem('from', 'Enter the address to redirect from'));
    else if (!pathSchema.safeParse(from).success) problems.push(problem('from', 'Enter the address to redirect from like /old-page, in lower case letters, numbers and hyphens'));
    if (!to) problems.push(problem('to', 'Enter the address to redirect to'));
    else if (!redirectSchema.shape.to.safeParse(to).success) problems.push(problem('to', 'The address to redirect to must be 2000 characters or fewer'));
    const book = await editorial.addressBook();
    if (problems.length === 0) {
      if (await db().selectFrom('site_redirects').select('from_path').where('from_path', '=', from).executeTakeFirst()) problems.push(problem('from', `There is already a redirect from ${from}. Remove it first`));
      else if (book.usedBy(from) === 'content') problems.push(problem('from', `A page has the address ${from}. Change its address first`));
      else if (book.usedBy(from) === 'route') problems.push(problem('from', `${from} is used by another part of the website and cannot be redirected`));
      const target = internalPath(to);
      if (target !== null && !book.resolves(target)) problems.push(problem('to', `The address ${to} goes to a page that does not exist`));
      if (target === from) problems.push(problem('to', 'A redirect cannot go to the address it comes from'));
    }
    if (problems.length > 0) return reply.code(400).render('admin/redirects.njk', await redirectsPage({ values, ...errorsView(problems) }));
    const permanent = str(values, 'permanent') !== 'no';
    await services.db.transaction().execute(async (trx) => {
      await editorialDb(trx).insertInto('site_redirects').values({ from_path: from, to_path: to, permanent, created_by: editorOf(request).actorId }).execute();
      await services.audit.record({ actorId: editorOf(request).actorId, action: 'site.redirect_added', subjectType: 'site_redirect', subjectId: from, details: { to, permanent } }, trx);
    });
    // This server's cached pages go now; the table's trigger tells the other servers.
    site.pages.invalidate();
    request.session.flash = `${from} now redirects to ${to}`;
    return reply.redirect('/staff/site/redirects', 303);
  });

  app.post('/staff/site/redirects/remove', { config: edit }, async (request, reply) => {
    const from = str(posted(request.body), 'from');
    const removed = await services.db.transaction().execute(async (trx) => {
      const row = await editorialDb(trx).deleteFrom('site_redirects').where('from_path', '=', from).returning('to_path').executeTakeFirst();
      if (row) await services.audit.record({ actorId: editorOf(request).actorId, action: 'site.redirect_removed', subjectType: 'site_redirect', subjectId: from, details: { to: row.to_path } }, trx);
      return row !== undefined;
    });
    site.pages.invalidate();
    request.session.flash = removed ? `The redirect from ${from} is removed` : 'That redirect had already been removed';
    return reply.redirect('/staff/site/redirects', 303);
  });

  const menusPage = async () => {
    const links = await db().selectFrom('site_menu_links').selectAll().orderBy('position').execute();
    const text = (menu: MenuLink['menu']) => linksText(links.filter((l) => l.menu === menu));
    return { values: { header: text('header'), footer: text('footer') } };
  };

  app.get('/staff/site/menus', { config: edit }, async (_request, reply) => reply.render('admin/menus.njk', await menusPage()));

  app.post('/staff/site/menus', { config: edit }, async (request, reply) => {
    const values = posted(request.body);
    const book = await editorial.addressBook();
    const problems: FieldError[] = [];
    const links: MenuLink[] = [];
    for (const menu of ['header', 'footer'] as const) {
      const lines = str(values, menu)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      if (lines.length > 12) problems.push(problem(menu, `The ${menu} menu can have up to 12 links`));
      lines.forEach((line, i) => {
        const bar = line.lastIndexOf('|');
        const parsed = menuLinkSchema.safeParse({ menu, text: bar < 0 ? '' : line.slice(0, bar).trim(), href: bar < 0 ? '' : line.slice(bar + 1).trim() });
        if (!parsed.success) {
          problems.push(problem(menu, `Line ${i + 1}: write a link as text of up to 60 characters, a vertical bar, then the address, like "Bins | /bins"`));
          return;
        }
        const path = internalPath(parsed.data.href);
        if (path !== null && !book.resolves(path)) problems.push(problem(menu, `Line ${i + 1}: ${parsed.data.href} goes to a page that does not exist`));
        links.push(parsed.data);
      });
    }
    if (problems.length > 0) return reply.code(400).render('admin/menus.njk', { values, ...errorsView(problems) });
    await services.db.transaction().execute(async (trx) => {
      const t = editorialDb(trx);
      await t.deleteFrom('site_menu_links').execute();
      if (links.length) await t.insertInto('site_menu_links').values(links.map((l, position) => ({ ...l, position }))).execute();
      await services.audit.record({ actorId: editorOf(request).actorId, action: 'site.menus_changed', subjectType: 'site', subjectId: 'menus', details: { links: links.length } }, trx);
    });
    site.pages.invalidate();
    request.session.flash = 'The menus are saved';
    return reply.redirect('/staff/site/menus', 303);
  });

  app.get('/staff/site/settings', { config: edit }, async (_request, reply) => {
    const row = await db().selectFrom('site_settings').selectAll().executeTakeFirst();
    return reply.render('admin/settings.njk', { values: { name: row?.name ?? services.config.councilName, tagline: row?.tagline ?? '', logoUrl: row?.logo_url ?? '' } });
  });

  app.post('/staff/site/settings', { config: edit }, async (request, reply) => {
    const values = posted(request.body);
    const name = str(values, 'name').trim();
    const tagline = str(values, 'tagline').trim();
    const logoUrl = str(values, 'logoUrl').trim();
    const problems: FieldError[] = [];
    if (!name) problems.push(problem('name', 'Enter the name of the website'));
    else if (name.length > 80) problems.push(problem('name', 'The name must be 80 characters or fewer'));
    if (tagline.length > 200) problems.push(problem('tagline', 'The tagline must be 200 characters or fewer'));
    if (logoUrl && !/^(https:\/\/[^\s]+|\/public\/[^\s]+)$/.test(logoUrl)) problems.push(problem('logoUrl', 'Enter a logo address starting https:// or /public/'));
    const parsed = siteSettingsSchema.safeParse({ name, tagline, logoUrl: logoUrl || null });
    if (problems.length > 0 || !parsed.success) return reply.code(400).render('admin/settings.njk', { values, ...errorsView(problems) });
    const row = { name: parsed.data.name, tagline: parsed.data.tagline, logo_url: parsed.data.logoUrl, updated_at: new Date() };
    await services.db.transaction().execute(async (trx) => {
      await editorialDb(trx).insertInto('site_settings').values(row).onConflict((oc) => oc.column('singleton').doUpdateSet(row)).execute();
      await services.audit.record({ actorId: editorOf(request).actorId, action: 'site.settings_changed', subjectType: 'site', subjectId: 'settings', details: { name, tagline, logoUrl: row.logo_url } }, trx);
    });
    site.pages.invalidate();
    request.session.flash = 'The site settings are saved';
    return reply.redirect('/staff/site/settings', 303);
  });
}

