import type { LastmileModule } from '../platform/module.ts';
import { accountModule } from './account/index.ts';
import { formsModule } from './forms/index.ts';
import { integrationsModule } from './integrations/index.ts';
import { reportsModule } from './reports/index.ts';
import { siteModule } from './site/index.ts';

/** The council's services, in the order their routes and migrations are applied. */
export const modules: LastmileModule[] = [accountModule, formsModule, reportsModule, integrationsModule, siteModule];
