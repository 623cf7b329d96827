import type { Reply } from '../http/types.ts';
import type { TenantUser } from '../state/model.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function html(status: number, title: string, body: string): Reply {
  const page = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
ul{list-style:none;padding:0}li a{display:block;padding:.7rem 1rem;margin:.4rem 0;border:1px solid #c8c8c8;border-radius:4px;color:inherit;text-decoration:none}
li a:hover,li a:focus{border-color:#0067b8;background:#f2f8fd}small{color:#5e5e5e;display:block}.note{color:#5e5e5e;font-size:.9rem}</style>
</head><body><h1>${escape(title)}</h1>${body}</body></html>`;
  return {
    status,
    raw: Buffer.from(page),
    headers: {
      'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'",
      'Referrer-Policy': 'no-referrer',
    },
  };
}

/** The "matching sign-in": every enabled account of the tenant, each a link that signs in as that person. */
export function accountPicker(organisation: string, users: TenantUser[], linkFor: (user: TenantUser) => string): Reply {
  const items = users
    .filter((u) => u.accountEnabled)
    .map((u) => {
      const roles = u.appRoles?.length ? ` · ${u.appRoles.map(escape).join(', ')}` : '';
      return `<li><a href="${escape(linkFor(u))}" data-upn="${escape(u.userPrincipalName)}">${escape(u.displayName)}<small>${escape(u.userPrincipalName)}${roles}</small></a></li>`;
    })
    .join('\n');
  return html(200, `Aanmelden bij ${organisation}`, `<p>Kies een account.</p><ul>${items}</ul>
<p class="note">Sandbox-tenant: een nagebootste Entra ID-aanmelding, zonder wachtwoord. Niet voor echte gegevens.</p>`);
}

/** An error Entra ID shows itself instead of sending the browser back (unknown app or reply address). */
export function errorPage(code: string, message: string, status = 400): Reply {
  return html(status, 'Aanmelden is niet gelukt', `<p>${escape(message)}</p><p class="note">${escape(code)}</p>`);
}

export function signedOutPage(): Reply {
  return html(200, 'U bent afgemeld', '<p>U kunt dit venster sluiten.</p>');
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } };
}
