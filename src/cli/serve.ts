import { parseArgs } from 'node:util';
import { closeDefaultSandbox } from '../extract/sandbox.ts';
import { hashPassword, newSecret } from '../server/auth/passwords.ts';
import { loadConfig } from '../server/config.ts';
import { startServer } from '../server/server.ts';
import { openStore } from '../store/open-store.ts';
import type { Command } from './command.ts';
import { parsePort } from './port-option.ts';
import { DB_HELP } from './results-db.ts';
import { readSecret } from './secret-input.ts';
import { untilInterrupted } from './until-interrupted.ts';
import { addUser, parseRole } from './users.ts';

const usage = `Usage: bewaarder serve [--port P] [--host H] [--db FILE] [--config FILE] [--folder PATH]...
       bewaarder serve --add-user NAME --role ROLE [--db FILE]

The web application: the review screens for records managers, scans for administrators, and the HTTP API
(/api/v1, described at /api/v1/openapi.json) that a DMS calls to classify a file. Runs the scheduled rescans
and purges from the configuration. Stops cleanly on Ctrl-C.

With no accounts yet, an administrator "beheerder" is created and its password shown once.

Options:
  --port P          port to listen on (default 8080; 0: any free port)
  --host H          address to listen on (default 127.0.0.1; behind a reverse proxy with TLS for others)
${DB_HELP}
  --config FILE     configuration (JSON): folders, schedules {rescan, purge} as cron expressions,
                    maxUploadBytes, sessionHours, secureCookies, oidc (Entra ID sign-in)
  --folder PATH     a folder administrators may scan from the UI (repeatable)
  --add-user NAME   create a local account and exit (password from $BEWAARDER_PASSWORD or stdin)
  --role ROLE       with --add-user: administrator | records-manager | auditor
  -h, --help        this help`;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the web application and HTTP API (review, disposition, scans)',
  usage,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        config: { type: 'string' },
        folder: { type: 'string', multiple: true },
        'add-user': { type: 'string' },
        role: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    const port = parsePort(values.port);
    const config = loadConfig(values.config, { port, host: values.host, db: values.db });
    if (values.folder) config.folders = [...new Set([...config.folders, ...loadConfig(undefined, { folders: values.folder }).folders])];

    const store = openStore(config.db);
    if (values['add-user'] !== undefined) {
      try {
        const role = parseRole(values.role);
        return await addUser(store, values['add-user'], role, await readSecret(`Password for ${values['add-user']}: `), io);
      } finally {
        await store.close();
      }
    }
    if ((await store.accounts()).length === 0) {
      const password = newSecret().slice(0, 20);
      await store.createAccount({ name: 'beheerder', role: 'administrator', passwordHash: await hashPassword(password) });
      io.err(`No accounts yet: created administrator "beheerder" with password ${password} (shown once; change it with \`bewaarder users password beheerder\`).`);
    }
    const server = await startServer({ config, store });
    io.err(`Bewaarder is running at ${server.url} (Ctrl-C stops it)`);
    await untilInterrupted();
    io.err('Stopping: the scan in flight is saved and can be resumed.');
    await server.close();
    await store.close();
    await closeDefaultSandbox();
    return 0;
  },
};
