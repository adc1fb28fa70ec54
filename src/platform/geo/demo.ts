import type { Services } from '../services.ts';

export async function seedDemoGazetteer(_services: Services, _progress: (label: string, done: number, total: number) => void): Promise<void> {}
