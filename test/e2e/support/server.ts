import type { AddressInfo } from 'node:net';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';

/** The real platform listening on a loopback port, for the browser. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestPlatform & { baseURL: string }> {
  const t = await createTestPlatform(env);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, baseURL: `http://127.0.0.1:${port}` };
}
