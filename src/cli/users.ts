import { parseArgs } from 'node:util';
import { hashPassword, newSecret, secretHash } from '../server/auth/passwords.ts';
import { ROLES, type Role } from '../store/web-store.ts';
import type { Store } from '../store/store.ts';
import { UsageError, type CliIO, type Command } from './command.ts';
import { currentActor, DB_HELP, DB_OPTION, openResults } from './results-db.ts';
import { PASSWORD_ENV, readSecret } from './secret-input.ts';

const usage = `Usage: bewaarder users add NAME --role ROLE [--db FILE]
       bewaarder users password NAME [--db FILE]
       bewaarder users token NAME [--label TEXT] [--db FILE]
       bewaarder users list [--json] [--db FILE]

Accounts of the web application (\`bewaarder serve\`). Roles: administrator (scans, configuration, everything),
records-manager (review, disposal), auditor (read-only, the audit log).
The password is read from $${PASSWORD_ENV} or stdin (typed without echo, or the first line piped in), never from
the command line. \`token\` prints a new API token for the account once (for a DMS: Authorization: Bearer TOKEN);
only its hash is kept.

Options:
${DB_HELP}
  --role ROLE   ${ROLES.join(' | ')}
  --label TEXT  what the token is for (shown in the audit log)
  --json        list as JSON
  -h, --help    this help`;

export function parseRole(value: string | undefined): Role {
  if (!value || !ROLES.includes(value as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return value as Role;
}

/** Creates a local account; shared by `users add` and `serve --add-user`. */
export async function addUser(store: Store, name: string, role: Role, password: string, io: CliIO): Promise<number> {
  if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(name)) throw new UsageError('a user name is 2 to 64 letters, digits, . _ @ or -');
  if (await store.account(name)) {
    io.err(`bewaarder users: an account named ${name} already exists`);
    return 1;
  }
  await store.createAccount({ name, role, passwordHash: await hashPassword(password) });
  await store.appendAudit({ actor: currentActor(), action: 'account.created', subject: `account:${name}`, details: { role } });
  io.out(`Account ${name} (${role}) created.`);
  return 0;
}

export const usersCommand: Command = {
  name: 'users',
  summary: 'web application accounts and API tokens',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...DB_OPTION, role: { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    const [verb, name] = positionals;
    if (!verb || !['add', 'password', 'token', 'list'].includes(verb)) throw new UsageError('say add, password, token or list');
    if (verb !== 'list' && !name) throw new UsageError(`name the account: bewaarder users ${verb} NAME`);
    const role = verb === 'add' ? parseRole(values.role) : undefined;
    const store = openResults(values.db, { create: verb === 'add' });
    try {
      if (verb === 'list') {
        const accounts = await store.accounts();
        for (const a of accounts) {
          const state = a.disabledAt ? `  disabled since ${a.disabledAt.slice(0, 10)} (no role in Entra ID)` : '';
          io.out(values.json ? JSON.stringify(a) : `${a.name.padEnd(24)} ${a.role.padEnd(16)} ${a.kind}${state}`);
        }
        return 0;
      }
      if (verb === 'add') return await addUser(store, name!, role!, await readSecret(`Password for ${name}: `), io);
      const account = await store.account(name!);
      if (!account) {
        io.err(`bewaarder users: no account named ${name}`);
        return 1;
      }
      if (verb === 'password') {
        await store.setPassword(name!, await hashPassword(await readSecret(`New password for ${name}: `)));
        await store.appendAudit({ actor: currentActor(), action: 'account.password-set', subject: `account:${name}` });
        io.out(`Password of ${name} changed.`);
        return 0;
      }
      const token = newSecret();
      await store.createApiToken(account.id, values.label ?? 'api', secretHash(token));
      await store.appendAudit({ actor: currentActor(), action: 'token.created', subject: `account:${name}`, details: { label: values.label ?? 'api' } });
      io.out(token);
      return 0;
    } finally {
      await store.close();
    }
  },
};
