import type { Services } from '../../../platform/services.ts';
import type { SubmissionHandler, SubmissionRecord } from '../contracts.ts';
import { SubmissionHandlers } from './handlers.ts';
import type { FormRegistry } from '../definition/registry.ts';
import { answerRows, answersAsText } from '../journey/summary.ts';
import { todayInLondon } from '../validation/dates.ts';
import { DeliveryService } from './service.ts';

export { PermanentDeliveryError } from './outcome.ts';
export { DeliveryService, DELIVER_JOB } from './service.ts';

/** What other modules may ask of forms. */
export interface FormsService {
  /** Makes `{ "type": "module", "handler": "<name>" }` targets deliver to this handler. */
  registerSubmissionHandler(handler: SubmissionHandler): void;
}

interface Wiring {
  handlers: SubmissionHandlers;
  delivery?: DeliveryService;
}

// One registry per running platform (tests run several in one process), made by whichever
// module asks first, so the order of modules' setUp does not matter.
const wiring = new WeakMap<Services, Wiring>();

function wiringOf(services: Services): Wiring {
  let found = wiring.get(services);
  if (!found) {
    found = { handlers: new SubmissionHandlers() };
    wiring.set(services, found);
  }
  return found;
}

/** The forms module's interface for other modules: `formsService(services).registerSubmissionHandler(…)` in their setUp. */
export function formsService(services: Services): FormsService {
  const { handlers } = wiringOf(services);
  return { registerSubmissionHandler: (handler) => handlers.register(handler) };
}

/**
 * Made once in the forms module's setUp: defines the delivery job. With the form registry, emailed
 * answers are written as the check answers page shows them (the question, then the answer).
 */
export function setUpDelivery(services: Services, forms?: FormRegistry): DeliveryService {
  const wired = wiringOf(services);
  if (wired.delivery) return wired.delivery;
  const answersText = forms ? (submission: SubmissionRecord) => emailedAnswers(forms, submission) : undefined;
  const delivery = new DeliveryService({ ...services, handlers: wired.handlers, answersText });
  services.jobs.define(delivery.jobDefinition());
  wired.delivery = delivery;
  return delivery;
}

/** The delivery service of a platform whose forms module is set up (the staff pages, tests). */
export function deliveryService(services: Services): DeliveryService {
  const delivery = wiringOf(services).delivery;
  if (!delivery) throw new Error('The forms module has not been set up on this platform');
  return delivery;
}

async function emailedAnswers(forms: FormRegistry, submission: SubmissionRecord): Promise<string | undefined> {
  const form = await forms.version(submission.formId, submission.formVersion);
  // The route through the form is worked out as of the day it was sent (conditions can test dates).
  return form ? answersAsText(answerRows(form, submission.answers, todayInLondon(submission.submittedAt))) : undefined;
}
