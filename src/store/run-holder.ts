import { hostname } from 'node:os';
import type { RunHolder } from './store.ts';

/**
 * Whether the process that holds a scan run still lives: on this machine, when its process exists; on another
 * machine we cannot tell, so it is assumed alive (a run left by a dead remote worker is resumed from that machine,
 * or after `finishRun`). Every store decides "resume or refuse" with this.
 */
export function isAlive(holder: RunHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
