import { Command } from 'commander';

// Commands load their code when run, so `--help` and quick commands start fast.
const admin = () => import('./cli/admin.ts');
const server = () => import('./cli/serve.ts');

const program = new Command('lastmile').description('Lastmile: digital services for a council').showHelpAfterError();

program
  .command('serve', { isDefault: true })
  .description('Run the website, APIs and job worker')
  .action(async () => (await server()).serve());
program
  .command('worker')
  .description('Run background jobs in this process only')
  .action(async () => (await server()).worker());
program
  .command('migrate')
  .description('Apply database migrations')
  .action(async () => (await admin()).migrateCommand());
program
  .command('seed')
  .description('Load demo data')
  .option('--demo', 'seed the demo borough (Stockport)')
  .option('--force', 'seed again even if it was seeded before')
  .action(async (opts: { demo?: boolean; force?: boolean }) => (await admin()).seedCommand(opts));

const user = program.command('user').description('Manage staff and resident accounts');
user
  .command('create')
  .description('Create a verified account, usually for staff')
  .requiredOption('--email <email>', 'email address')
  .option('--role <role...>', 'role to grant (see `lastmile user roles`); repeat for several', [])
  .option('--password <password>', 'password (a random one is printed if omitted)')
  .option('--name <name>', 'full name')
  .action(async (opts: { email: string; role: string[]; password?: string; name?: string }) => (await admin()).userCreateCommand(opts));
user
  .command('roles')
  .description('List roles and their permissions')
  .action(async () => (await admin()).userRolesCommand());

const audit = program.command('audit').description('The audit log');
audit
  .command('verify')
  .description('Check the hash chain and report the first broken link')
  .action(async () => (await admin()).auditVerifyCommand());

const importer = program.command('import').description('Import data');
importer
  .command('gazetteer <file>')
  .description('Load addresses and streets from an OS Open UPRN / AddressBase-style CSV')
  .action(async (file: string) => (await admin()).importGazetteerCommand(file));

const open311 = () => import('./modules/reports/open311/cli.ts');
const open311Key = program.command('open311').description('The Open311 GeoReport v2 server').command('key').description("Manage Open311 clients' API keys");
open311Key
  .command('create')
  .description('Create an API key for a client system; the key is printed once, as the last line')
  .requiredOption('--name <name>', 'who the key is for, e.g. "FixMyStreet"')
  .option('--jurisdiction <id>', 'jurisdiction_id the client must send with its calls')
  .option('--rate-limit <n>', 'requests a minute allowed with this key', '60')
  .action(async (opts: { name: string; jurisdiction?: string; rateLimit?: string }) => (await open311()).keyCreateCommand(opts));
open311Key
  .command('list')
  .description('List API keys (names and limits; keys are never shown again)')
  .action(async () => (await open311()).keyListCommand());
open311Key
  .command('revoke')
  .description('Revoke the working API key with this name')
  .requiredOption('--name <name>', 'the name the key was created with')
  .action(async (opts: { name: string }) => (await open311()).keyRevokeCommand(opts));

const siteCli = () => import('./modules/site/admin/cli.ts');
const siteCommand = program.command('site').description('The council website');
siteCommand
  .command('export [file]')
  .description('Write all website content, menus, redirects and settings as one JSON file (to standard output without a file)')
  .action(async (file?: string) => (await siteCli()).siteExportCommand(file));
siteCommand
  .command('import <file>')
  .description('Check a JSON bundle and import all of it or nothing; items already on the site get a new version')
  .option('--publish', 'publish the items the file marks as published (otherwise all are drafts)')
  .action(async (file: string, opts: { publish?: boolean }) => (await siteCli()).siteImportCommand(file, opts));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected failures (a bad setting, a refused command) are one line, not a stack trace.
  if (error instanceof Error && (error.name === 'ConfigError' || error.name === 'CommandError')) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
