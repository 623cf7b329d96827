// The sandbox worker's entry. A worker thread starts without the parent's module hooks, so tsx is registered here
// before the TypeScript worker module loads (as src/cli/bewaarder.js does for the CLI). A parser's console output
// must never reach stdout (`bewaarder classify --json` prints JSON only) nor quote a document: it is dropped, or
// sent to stderr when BEWAARDER_DEBUG is set. (The Worker's own `stdout: true` option would do this too, but its
// streams keep a finished process alive even when the worker is unref'd.)
import { register } from 'tsx/esm/api';

const debug = Boolean(process.env.BEWAARDER_DEBUG);
const drop = () => {};
for (const method of ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'table']) {
  console[method] = debug ? (...args) => process.stderr.write(`[sandbox] ${args.map(String).join(' ')}\n`) : drop;
}
process.stdout.write = debug ? process.stderr.write.bind(process.stderr) : () => true;

register();
await import('./sandbox-worker.ts');
