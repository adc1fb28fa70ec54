import { Command } from 'commander';
import { ConfigError } from './platform/config/index.ts';
import { serve, worker } from './cli/serve.ts';
import {
  CommandError,
  auditVerifyCommand,
  importGazetteerCommand,
  migrateCommand,
  seedCommand,
  userCreateCommand,
  userRolesCommand,
} from './cli/admin.ts';

const program = new Command('lastmile').description('Lastmile: digital services for a council').showHelpAfterError();

program.command('serve', { isDefault: true }).description('Run the website, APIs and job worker').action(serve);
program.command('worker').description('Run background jobs in this process only').action(worker);
program.command('migrate').description('Apply database migrations').action(migrateCommand);
program
  .command('seed')
  .description('Load demo data')
  .option('--demo', 'seed the demo borough (Stockport)')
  .option('--force', 'seed again even if it was seeded before')
  .action(seedCommand);

const user = program.command('user').description('Manage staff and resident accounts');
user
  .command('create')
  .description('Create a verified account, usually for staff')
  .requiredOption('--email <email>', 'email address')
  .option('--role <role...>', 'role to grant (see `lastmile user roles`); repeat for several', [])
  .option('--password <password>', 'password (a random one is printed if omitted)')
  .option('--name <name>', 'full name')
  .action(userCreateCommand);
user.command('roles').description('List roles and their permissions').action(userRolesCommand);

const audit = program.command('audit').description('The audit log');
audit.command('verify').description('Check the hash chain and report the first broken link').action(auditVerifyCommand);

const importer = program.command('import').description('Import data');
importer
  .command('gazetteer <file>')
  .description('Load addresses and streets from an OS Open UPRN / AddressBase-style CSV')
  .action(importGazetteerCommand);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof CommandError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
