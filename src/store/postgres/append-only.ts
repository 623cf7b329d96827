/**
 * Triggers that make a table append-only: any UPDATE, DELETE or TRUNCATE raises `message`. This stops the
 * application and anyone connecting as its role by mistake; the table owner can still drop the triggers, so at scale
 * the tables belong to a migration role and the application's role gets INSERT and SELECT only (see README).
 */
export function appendOnly(table: string, message: string): string {
  return `
    CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '${message}'; END $$;
    CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${table}_append_only();
    CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only();`;
}

