import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LastmileModule } from '../../platform/module.ts';
import { AccountRepository } from './repository.ts';
import { accountPersonalData, yourDetailsCard } from './contributions.ts';
import { accountRoutes } from './routes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** My Account: the resident's dashboard, profile, notification preferences, and their data. */
export const accountModule: LastmileModule = {
  name: 'account',
  views: path.join(here, 'views'),
  navigation: [{ href: '/account', text: 'Your account' }],
  setUp(services) {
    // The account adds its own card and data the way every other module does, through the registry.
    const repository = new AccountRepository(services.db);
    services.personalData.addCard(yourDetailsCard(repository));
    services.personalData.addData(accountPersonalData(repository, services.audit));
  },
  routes: accountRoutes,
};
