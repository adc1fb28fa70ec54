import pino from 'pino';
import { loadConfig } from '../../../platform/config/index.ts';
import { startPlatform } from '../../../app.ts';
import { CommandError } from '../../../cli/admin.ts';
import { DuplicateClientName, Open311Clients } from './clients.ts';

async function withClients<T>(work: (clients: Open311Clients) => Promise<T>): Promise<T> {
  const platform = await startPlatform(loadConfig(), { log: pino({ level: 'warn' }), stopEmbedded: 'if-started-here' });
  try {
    return await work(new Open311Clients(platform.services.db));
  } finally {
    await platform.stop();
  }
}

export interface KeyCreateOptions {
  name: string;
  jurisdiction?: string;
  rateLimit?: string;
}

/** `lastmile open311 key create`: the key is the last line printed, so scripts can take it with `tail -n 1`. */
export async function keyCreateCommand(opts: KeyCreateOptions): Promise<void> {
  const name = opts.name.trim();
  if (!name) throw new CommandError('Give the key a name: --name "FixMyStreet"');
  const rateLimit = opts.rateLimit === undefined ? 60 : Number(opts.rateLimit);
  if (!Number.isInteger(rateLimit) || rateLimit < 1 || rateLimit > 100_000) throw new CommandError('--rate-limit must be a whole number of requests a minute, from 1 to 100000');
  const jurisdiction = opts.jurisdiction?.trim() || undefined;
  const { client, key } = await withClients((clients) =>
    clients.create({ name, jurisdictionId: jurisdiction, rateLimitPerMinute: rateLimit }).catch((error: unknown) => {
      throw error instanceof DuplicateClientName ? new CommandError(error.message) : error;
    }),
  );
  console.log(`Created Open311 key "${client.name}" (${client.id}): jurisdiction ${client.jurisdictionId ?? 'any'}, ${client.rateLimitPerMinute} requests a minute.`);
  console.log('Copy the key now. Only its hash is stored, so it cannot be shown again:');
  console.log(key);
}

export async function keyListCommand(): Promise<void> {
  const all = await withClients((clients) => clients.list());
  if (all.length === 0) {
    console.log('No Open311 keys. Create one with: lastmile open311 key create --name NAME');
    return;
  }
  for (const c of all) {
    const state = c.revokedAt ? `revoked ${c.revokedAt.toISOString()}` : 'working';
    console.log(`${c.name.padEnd(24)} ${state.padEnd(32)} jurisdiction ${(c.jurisdictionId ?? 'any').padEnd(20)} ${c.rateLimitPerMinute}/min  created ${c.createdAt.toISOString()}`);
  }
}

export async function keyRevokeCommand(opts: { name: string }): Promise<void> {
  const revoked = await withClients((clients) => clients.revoke(opts.name.trim()));
  if (!revoked) throw new CommandError(`No working Open311 key is called "${opts.name}". See: lastmile open311 key list`);
  console.log(`Revoked the Open311 key "${opts.name}". Calls with it are refused from now on.`);
}
