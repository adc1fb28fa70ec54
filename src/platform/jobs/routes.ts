import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';

const access = { permission: 'admin.jobs' } as const;

/** Failed background jobs for administrators, with "retry". */
export async function adminRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/admin/jobs', { config: { access } }, async (_request, reply) => {
    const failed = await services.jobs.failed();
    return reply.render('admin/jobs.njk', { failed });
  });

  app.post<{ Params: { id: string }; Body: { name?: string } }>('/admin/jobs/:id/retry', { config: { access } }, async (request, reply) => {
    const failed = await services.jobs.failed(1000);
    const job = failed.find((j) => j.id === request.params.id);
    if (job) {
      await services.jobs.retry(job.name, job.id);
      await services.audit.record({ actorId: request.user?.id, action: 'job.retried', subjectType: 'job', subjectId: job.id, details: { name: job.name }, ip: request.ip, requestId: request.id });
      request.session.flash = `The ${job.name} job will be tried again`;
    } else {
      request.session.flash = 'That job is no longer in the failed list';
    }
    return reply.redirect('/admin/jobs');
  });
}
