import type { Command } from 'commander';
import { createAuthService } from '../../platform/auth/auth.service.ts';
import { roles, type Role } from '../../platform/auth/auth.schema.ts';
import { systemActor } from '../../platform/audit/audit.schema.ts';
import { HttpProblem } from '../../platform/errors/problem.ts';
import { migrateUp } from '../../platform/migrations/migrator.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { withDatabase } from '../context.ts';
import { readPassword } from '../read-password.ts';

const service = (db: Db, config: Config) => createAuthService(db, config);

function explain(err: unknown): never {
  if (err instanceof HttpProblem) {
    const fields = err.errors?.map((e) => `\n  ${e.field}: ${e.reason}`).join('') ?? '';
    throw new Error(`${err.message}${fields}`);
  }
  throw err;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage accounts (add, list, disable)');

  user
    .command('add')
    .description('add an account; the password is asked at a prompt or read from stdin, never taken from an argument')
    .requiredOption('--email <email>', 'email address, used to log in')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option('--organisation <id>', 'stakeholder organisation the editor speaks for (required for editors)')
    .option('--provider <id>', 'training provider the account acts for (required for providers)')
    .action((opts: { email: string; role: string; organisation?: string; provider?: string }) =>
      withDatabase(async ({ db }, config) => {
        await migrateUp(db);
        const password = await readPassword();
        const created = await service(db, config)
          .addUser({ email: opts.email, password, role: opts.role as Role, organisationId: opts.organisation, providerId: opts.provider }, systemActor('cli'))
          .catch(explain);
        console.log(`added ${created.email} (${created.role})`);
      }),
    );

  user
    .command('list')
    .description('list accounts')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      withDatabase(async ({ db }, config) => {
        const users = await service(db, config).listUsers();
        if (opts.json) return void console.log(JSON.stringify(users, null, 2));
        if (users.length === 0) return void console.log('no accounts yet: add one with `koers user add`');
        for (const u of users) {
          const bound = u.organisationId ? ` organisation=${u.organisationId}` : u.providerId ? ` provider=${u.providerId}` : '';
          console.log(`${u.email}  ${u.role}${bound}${u.disabled ? '  (disabled)' : ''}`);
        }
      }),
    );

  user
    .command('disable')
    .description('disable an account and end its sessions')
    .requiredOption('--email <email>', 'the account to disable')
    .action((opts: { email: string }) =>
      withDatabase(async ({ db }, config) => {
        const u = await service(db, config).disableUser({ email: opts.email.toLowerCase() }, systemActor('cli')).catch(explain);
        console.log(`disabled ${u.email}`);
      }),
    );
}
