import type { Role } from '../../store/web-store.ts';

/** What each role may do. Administrators do everything; auditors read, including the audit log. */
export type Permission = 'read' | 'review' | 'dispose' | 'scan' | 'audit' | 'configure';

const GRANTS: Record<Role, readonly Permission[]> = {
  administrator: ['read', 'review', 'dispose', 'scan', 'audit', 'configure'],
  'records-manager': ['read', 'review', 'dispose'],
  auditor: ['read', 'audit'],
};

export function may(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}

/** How the UI names a permission in a 403 ("your role may not …"). */
export const PERMISSION_WORDS: Record<Permission, string> = {
  read: 'read documents',
  review: 'review documents',
  dispose: 'decide on disposal',
  scan: 'start scans',
  audit: 'read the audit log',
  configure: 'change the configuration',
};
