import type { Services } from '../services.ts';

export interface ImportReport {
  imported: number;
  rejected: number;
  errorReport?: string;
}

export async function importGazetteer(_services: Services, _file: string, _progress: (label: string, done: number, total: number) => void): Promise<ImportReport> {
  return { imported: 0, rejected: 0 };
}
