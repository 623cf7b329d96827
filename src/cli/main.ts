import { classifyCommand } from './classify.ts';
import { UsageError, type CliIO, type Command } from './command.ts';
import { listCommand } from './list.ts';
import { scanCommand } from './scan.ts';
import { serveCommand } from './serve.ts';
import { statsCommand } from './stats.ts';
import { demoCommand } from './demo.ts';
import { usersCommand } from './users.ts';
import { approveCommand } from './approve.ts';
import { auditCommand } from './audit.ts';
import { disposalsCommand } from './disposals.ts';
import { dueCommand } from './due.ts';
import { extendCommand } from './extend.ts';
import { holdCommand } from './hold.ts';
import { purgeCommand } from './purge.ts';
import { releaseCommand } from './release.ts';
import { setTriggerCommand } from './set-trigger.ts';
import { sandboxCommand } from './sandbox.ts';

const commands: readonly Command[] = [classifyCommand, scanCommand, listCommand, statsCommand, serveCommand, usersCommand, demoCommand,
  dueCommand, approveCommand, extendCommand, holdCommand, releaseCommand, setTriggerCommand, purgeCommand, disposalsCommand, auditCommand, sandboxCommand];

const help = `Bewaarder — finds personal data in documents and makes it manageable under the AVG.

Usage: bewaarder COMMAND [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`).join('\n')}

Run \`bewaarder COMMAND --help\` for a command's options.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`bewaarder: unknown command "${name}"\n\n${help}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`bewaarder ${name}: ${(error as Error).message}\n\n${command.usage}`);
      return 2;
    }
    throw error;
  }
}
