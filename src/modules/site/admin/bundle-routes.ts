import type { FastifyInstance } from 'fastify';
import { MEGABYTE } from '../../../platform/files/index.ts';
import { postedUploads, uploadsPlugin } from '../../../platform/files/multipart.ts';
import type { FieldError } from '../../../platform/http/forms.ts';
import type { Site } from '../index.ts';
import { SiteBundleRefused } from '../editorial/commands.ts';
import { parseBundle } from '../editorial/bundle.ts';
import { problem } from '../editorial/problems.ts';
import { str } from '../editorial/text-form.ts';
import { edit, editorOf, errorsView, posted, publish } from './shared.ts';

export const MAX_BUNDLE_BYTES = 5 * MEGABYTE;

/** The whole site as one JSON file, and back. Registered in its own scope: only import takes uploads. */
export async function bundleRoutes(app: FastifyInstance, site: Site): Promise<void> {
  await app.register(uploadsPlugin, { maxFileBytes: MAX_BUNDLE_BYTES, maxFiles: 1 });

  app.get('/staff/site/export.json', { config: edit }, async (request, reply) => {
    const bundle = await site.editorial.exportBundle();
    await site.services.audit.record({ actorId: editorOf(request).actorId, action: 'site.exported', subjectType: 'site', subjectId: 'content', details: { items: bundle.content.length } });
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="site-${day}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(bundle, null, 2));
  });

  // Import replaces the menus, redirects and settings, and can publish: a publisher's job.
  app.get('/staff/site/import', { config: publish }, async (_request, reply) => reply.render('admin/import.njk', { values: {} }));

  app.post('/staff/site/import', { config: publish }, async (request, reply) => {
    const values = posted(request.body);
    const [file] = postedUploads(request.body, 'bundleFile');
    const andPublish = str(values, 'publish') === 'yes';
    let problems: FieldError[] = [];
    let bundle: unknown;
    if (!file) problems = [problem('bundleFile', 'Select a JSON file to import')];
    else if (file.truncated || file.bytes.length > MAX_BUNDLE_BYTES) problems = [problem('bundleFile', 'The file must be smaller than 5 MB')];
    else {
      try {
        bundle = JSON.parse(file.bytes.toString('utf8'));
      } catch {
        problems = [problem('bundleFile', 'The file is not valid JSON: export it from a Lastmile site, or check it in a JSON editor')];
      }
    }
    if (problems.length === 0) {
      try {
        const { created, updated } = await site.editorial.importBundle(parseBundle(bundle), editorOf(request), { publish: andPublish });
        request.session.flash = `Imported: ${created} new ${created === 1 ? 'item' : 'items'}, ${updated} changed${andPublish ? ', published as marked in the file' : ', as drafts'}`;
        return reply.redirect('/staff/site', 303);
      } catch (error) {
        if (!(error instanceof SiteBundleRefused)) throw error;
        problems = error.problems.slice(0, 50).map((text) => problem('bundleFile', text));
        if (error.problems.length > 50) problems.push(problem('bundleFile', `and ${error.problems.length - 50} more problems`));
      }
    }
    return reply.code(400).render('admin/import.njk', { values, ...errorsView(problems) });
  });
}
