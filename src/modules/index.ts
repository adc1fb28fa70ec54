import type { LastmileModule } from '../platform/module.ts';
import { accountModule } from './account/index.ts';

/** The council's services, in the order their routes and migrations are applied. */
export const modules: LastmileModule[] = [accountModule];
