#!/usr/bin/env node
import { main } from './main.ts';

// `bewaarder list | head`: a reader that closes the pipe early ends the output, not with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Never print a stack with arguments or document content: the name and our message only.
    process.stderr.write(`bewaarder: ${(error as Error).message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
