import type { Account, Role } from '../web-store.ts';

export interface AccountRow {
  id: number;
  name: string;
  role: Role;
  kind: 'local' | 'entra';
  display_name: string | null;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
}

/** The account as the web application sees it: never its password hash (`account(name)` adds that itself). */
export function accountOf(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    kind: row.kind,
    ...(row.display_name ? { displayName: row.display_name } : {}),
    createdAt: row.created_at,
    ...(row.disabled_at ? { disabledAt: row.disabled_at } : {}),
  };
}
