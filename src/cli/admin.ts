import { randomBytes } from 'node:crypto';
import { loadConfig } from '../platform/config/index.ts';
import { startPlatform, type Platform } from '../app.ts';
import { seedDemo } from '../platform/seed.ts';
import { passwordProblem } from '../platform/identity/passwords.ts';
import { UnknownRoleError } from '../platform/identity/accounts.ts';
import { isValidEmail } from '../platform/identity/email.ts';
import { GazetteerFileError, importGazetteer } from '../platform/geo/import.ts';
import { progressBar } from './progress.ts';
import pino from 'pino';

export class CommandError extends Error {
  override name = 'CommandError';
}

/** Runs a command against the platform's database, started for the command if it is not running. */
async function withPlatform<T>(work: (platform: Platform) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const platform = await startPlatform(config, { log: pino({ level: 'warn' }), stopEmbedded: 'if-started-here' });
  try {
    return await work(platform);
  } finally {
    await platform.stop();
  }
}

export async function migrateCommand(): Promise<void> {
  // startPlatform applies the migrations; nothing else to do.
  await withPlatform(async () => undefined);
  console.log('Migrations are up to date.');
}

export async function seedCommand(opts: { demo?: boolean; force?: boolean }): Promise<void> {
  if (!opts.demo) throw new CommandError('Say what to seed: lastmile seed --demo');
  await withPlatform(async (platform) => {
    const bar = progressBar();
    const done = await seedDemo(platform.services, platform.modules, bar.update, opts.force ?? false);
    bar.stop();
    console.log(done ? 'Seeded the demo borough.' : 'The demo borough was already seeded (use --force to seed again).');
  });
}

export async function userCreateCommand(opts: { email: string; role: string[]; password?: string; name?: string }): Promise<void> {
  if (!isValidEmail(opts.email)) throw new CommandError(`Not a valid email address: ${opts.email}`);
  const password = opts.password ?? randomBytes(12).toString('base64url');
  const problem = passwordProblem(password);
  if (problem) throw new CommandError(problem);
  await withPlatform(async ({ services }) => {
    if (await services.accounts.findByEmail(opts.email)) throw new CommandError(`An account with ${opts.email} already exists`);
    try {
      const id = await services.accounts.createVerifiedUser({ email: opts.email, password, roles: opts.role, name: opts.name }, { userId: null });
      console.log(`Created ${opts.email} (${id}) with roles: ${opts.role.join(', ') || 'none'}`);
      if (!opts.password) console.log(`Password: ${password}`);
    } catch (error) {
      if (error instanceof UnknownRoleError) throw new CommandError(`${error.message}. See: lastmile user roles`);
      throw error;
    }
  });
}

export async function userRolesCommand(): Promise<void> {
  await withPlatform(async ({ services }) => {
    for (const role of await services.accounts.roles()) {
      console.log(`${role.name.padEnd(20)} ${role.label} – ${role.description}`);
      console.log(`${''.padEnd(20)} permissions: ${role.permissions.join(', ') || 'none'}`);
    }
  });
}

export async function auditVerifyCommand(): Promise<void> {
  const result = await withPlatform(async ({ services }) => {
    const bar = progressBar();
    const outcome = await services.audit.verify((done, total) => bar.update('Verifying the audit log', done, total));
    bar.stop();
    return outcome;
  });
  if (result.ok) {
    console.log(`Audit log intact: ${result.rows} rows verified.`);
  } else {
    console.log(`Audit log broken at row ${result.brokenAt}: ${result.reason}. ${result.rows} rows before it are intact.`);
    process.exitCode = 1;
  }
}

export async function importGazetteerCommand(file: string): Promise<void> {
  await withPlatform(async ({ services }) => {
    const bar = progressBar();
    const report = await importGazetteer(services, file, bar.update).catch((error: unknown) => {
      bar.stop();
      throw error instanceof GazetteerFileError ? new CommandError(error.message) : error;
    });
    bar.stop();
    console.log(`Imported ${report.imported} rows; ${report.rejected} rejected.`);
    if (report.errorReport) console.log(`Row-level errors: ${report.errorReport}`);
    if (report.rejected > 0) process.exitCode = 2;
  });
}
