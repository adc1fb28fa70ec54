import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/services.ts';
import { handleAddressFinder, initialAddressFinderView } from '../../platform/geo/address-finder.ts';
import type { AccountService } from './service.ts';
import { actorOf, currentUser } from '../../platform/identity/sign-in-session.ts';

const user = { access: 'user' } as const;
const finder = { prefix: 'address', legend: 'Address' };

/** The profile's postal address, found by postcode in the gazetteer (or typed in) with the shared address finder. */
export async function addressRoutes(app: FastifyInstance, services: Services, myAccount: AccountService): Promise<void> {
  app.get('/account/profile/address', { config: user }, async (request, reply) => {
    const account = await myAccount.find(currentUser(request).id);
    return reply.render('account/address.njk', { view: initialAddressFinderView(account.address ?? undefined, finder) });
  });

  app.post('/account/profile/address', { config: user }, async (request, reply) => {
    const result = await handleAddressFinder(services.gazetteer, request.body, finder);
    if (result.kind === 'continue') {
      const { view } = result;
      return reply.code(view.errorItems.length ? 400 : 200).render('account/address.njk', { view, errors: view.errorItems });
    }
    await myAccount.saveAddress(currentUser(request).id, result.address, actorOf(request));
    request.session.flash = 'Your address has been saved';
    return reply.redirect('/account', 303);
  });
}
