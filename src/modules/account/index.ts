import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LastmileModule } from '../../platform/module.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export const accountModule: LastmileModule = {
  name: 'account',
  views: path.join(here, 'views'),
  navigation: [],
};
