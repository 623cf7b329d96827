import { userInfo } from 'node:os';

/** Who is acting, for the audit log: the OS user (a uid where the container has no name for it). */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid:${process.getuid?.() ?? '?'}`;
  }
}
