import { UsageError } from './command.ts';

/** The value of a `--port` option: a whole number from 0 (any free port) to 65535; undefined when not given. */
export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!(value.trim() !== '' && Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UsageError('--port takes a number from 0 to 65535');
  return port;
}
