import type { Tenant } from '../builder.ts';
import { businessMail, everydayMail } from './mail-generic.ts';
import { tenantMail } from './mail-tenants.ts';
import { specialMail } from './mail-special.ts';

/** Every mailbox: everyday mail, business mail with attachments, tenants' mail, and the special cases. */
export async function buildMail(t: Tenant): Promise<void> {
  await everydayMail(t);
  await businessMail(t);
  await tenantMail(t);
  await specialMail(t);
}
