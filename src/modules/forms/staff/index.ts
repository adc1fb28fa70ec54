import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../platform/services.ts';
import { deliveryService } from '../delivery/index.ts';
import type { FormsEngine } from '../engine.ts';
import { staffFormsRoutes } from './routes.ts';
import { StaffForms } from './service.ts';
import { uploadsPlugin } from '../../../platform/files/multipart.ts';
import { assistedRoutes } from '../assisted/routes.ts';
import { assistedBanner } from '../assisted/session.ts';

/** The staff side of forms (forms, submissions, failed deliveries, assisted digital), registered in the forms module's scope. */
export async function staffFormsPages(app: FastifyInstance, services: Services, engine: FormsEngine): Promise<void> {
  const staff = new StaffForms({ db: services.db, forms: engine.registry, delivery: deliveryService(services), files: services.files });
  // Multipart posts for the whole forms scope: file upload questions in the journey, definitions uploaded by staff.
  await app.register(uploadsPlugin);
  await staffFormsRoutes(app, services, staff);
  await assistedRoutes(app, services, engine);
  // On every forms page: who staff are filling the form in for, and ending that once it is sent.
  app.addHook('preHandler', assistedBanner);
}
