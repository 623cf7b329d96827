import { createInterface } from 'node:readline';

export const PASSWORD_ENV = 'BEWAARDER_PASSWORD';

/**
 * A password from $BEWAARDER_PASSWORD, or from stdin: typed without echo on a terminal, the first line when piped.
 * Never from the command line, where `ps` and the shell history would show it.
 */
export async function readSecret(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  const fromEnv = process.env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  const rl = createInterface({ input, output, terminal: input.isTTY === true });
  if (input.isTTY) {
    output.write(prompt);
    // Mute the echo of what is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  try {
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
    if (input.isTTY) output.write('\n');
  }
}
