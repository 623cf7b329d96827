import { describe, expect, it } from 'vitest';
import { credentialsDetector } from '../../../classifiers/detectors/credentials.ts';
import { detect, outcome, type Case } from '../../support/detect.ts';

// Token-shaped test values are assembled at run time so that secret scanners do not flag this file.
const BEGIN = '-----BEGIN ';
const GITHUB = 'ghp' + '_' + 'a1B2c3D4'.repeat(4) + 'e5F6';
const SLACK = 'xoxb' + '-' + '1234567890-abcdefghijKLMN';
const JWT = 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

const cases: Case[] = [
  { text: 'Wachtwoord: Zomer2024!', expect: 'strong', why: 'label and password-like value' },
  { text: 'wachtwoord: geheim', expect: 'strong', why: 'a plain word after a label is still a password' },
  { text: 'Je tijdelijke wachtwoord is Welkom2024', expect: 'strong', why: '"is" with a password-like value' },
  { text: 'password="hunter22"', expect: 'strong', why: 'quoted config value' },
  { text: 'DB_PASSWORD=s3cr3t;Server=db01', expect: 'strong', why: 'environment variable, cut at ;' },
  { text: 'Wachtwoord (tijdelijk):\n  Lente#31', expect: 'strong', why: 'remark in brackets, value on the next line' },
  { text: 'Gebruikersnaam: jjansen', expect: 'strong', why: 'a login name' },
  { text: 'inlognaam: j.jansen@firma.nl', expect: 'strong', why: 'a login name that is an e-mail address' },
  { text: 'user=admin pass=Xy12ab', expect: 'strong', why: 'config-style user and pass' },
  { text: 'PIN: 4821', expect: 'strong', why: 'PIN with a value' },
  { text: 'uw pincode 48213 niet delen', expect: 'strong', why: 'pincode followed by digits' },
  { text: 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345', expect: 'strong', why: 'bearer token' },
  { text: 'api_key: 9f8e7d6c5b4a39281706f5e4', expect: 'strong', why: 'API key with a label' },
  { text: 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', expect: 'strong', why: 'AWS access key' },
  { text: `token ${GITHUB} in de log`, expect: 'strong', why: 'GitHub token by its format' },
  { text: `SLACK=${SLACK}`, expect: 'strong', why: 'Slack token by its format' },
  { text: `Cookie: session=${JWT}`, expect: 'strong', why: 'JSON web token' },
  { text: `${BEGIN}RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----`, expect: 'strong', why: 'PEM block' },
  { text: 'DATABASE_URL=postgres://app:s3cr3t-Pw@db.internal:5432/crm', expect: 'strong', why: 'connection string' },
  { text: 'Mijn DigiD is jos.bos61 met wachtwoord Zonnebloem77.', expect: 'strong', why: 'DigiD name after "is", password without colon' },
  { text: "Hij dacht dat zijn wachtwoord 'Henk1962!' was.", expect: 'strong', why: 'quoted password' },
  { text: 'Mike — VPN: mhugen / Qw3rty!9', expect: 'strong', why: 'login name / password next to VPN' },
  { text: "can you log into the payroll portal? it's emma.clarke / Sunflower#88 — thanks", expect: 'strong', why: 'pair in a chat' },
  { text: 'Your recovery codes:\n4821-7710   9932-1184\nKeep them safe.', expect: 'strong', why: 'recovery codes' },
  { text: 'Gastnetwerk: KantoorGast\nWachtwoord: Koffie&Koek2025', expect: 'weak', why: 'shared guest wifi password' },
  { text: 'api_key: 7f9c2b4e1a0d (sandbox)', expect: 'weak', why: 'short application key' },
  { text: 'Uw DigiD is geblokkeerd.', expect: 'none', why: '"is" with an ordinary word' },
  { text: 'Zie het wachtwoord-beleid', expect: 'none', why: 'compound with a hyphen' },
  { text: 'Covid: COVID-19 / SARS-CoV-2 in het account', expect: 'none', why: 'slash pair that is no login' },
  { text: 'Naam / Surname: Jansen / Jan1980', expect: 'none', why: 'slash pair without a login word' },
  { text: 'Backup codes worden per e-mail verstuurd.', expect: 'none', why: 'no codes after the label' },
  { text: 'Uw wachtwoord moet minimaal 8 tekens bevatten.', expect: 'none', why: 'password policy: no value' },
  { text: 'Voer uw wachtwoord in en klik op Inloggen.', expect: 'none', why: 'manual: no value' },
  { text: 'Wachtwoord: minimaal 8 tekens, waarvan 1 cijfer', expect: 'none', why: 'policy after a colon' },
  { text: 'Wachtwoord vergeten?', expect: 'none', why: 'a link text' },
  { text: 'Wachtwoord: ********', expect: 'none', why: 'already masked' },
  { text: 'Wachtwoord: ____________', expect: 'none', why: 'an empty form field' },
  { text: 'Gebruikersnaam:\nWachtwoord:', expect: 'none', why: 'an empty form' },
  { text: 'Wachtwoord:\nBeleid voor sterke wachtwoorden', expect: 'none', why: 'a heading on the next line' },
  { text: 'Gebruikersnaam:\n  jjansen01', expect: 'strong', why: 'a login name on the next line' },
  { text: 'password: ${DB_PASSWORD}', expect: 'none', why: 'a template variable' },
  { text: 'Uw wachtwoord is verlopen.', expect: 'none', why: '"is" with an ordinary word' },
  { text: 'Betalen met PIN-pas of contant', expect: 'none', why: 'PIN as a payment method' },
  { text: 'PIN: 12', expect: 'none', why: 'too short for a PIN' },
  { text: 'Top secret: do not share', expect: 'none', why: 'secret with a short word' },
  { text: `${BEGIN}PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQAD`, expect: 'none', why: 'a public key is no secret' },
  { text: 'Zie https://www.example.com/login voor het wachtwoordbeleid', expect: 'none', why: 'URL without userinfo' },
  { text: 'Wachtwoord: gebruik een sterk wachtwoord', expect: 'weak', why: 'a sentence after the label' },
  { text: 'Voorbeeld: postgres://user:password@localhost/db', expect: 'weak', why: 'placeholder password' },
];

describe('credentials detector', () => {
  it.each(cases)('$expect: $why — $text', ({ text, expect: expected }) => {
    expect(outcome(credentialsDetector, text)).toBe(expected);
  });

  it('masks the value fully and keeps the label', () => {
    const [hit] = detect(credentialsDetector, 'Wachtwoord: Zomer2024!');
    expect(hit?.evidence).toBe('wachtwoord: ********');
    expect(hit?.reason).toContain('"wachtwoord"');
    expect(hit?.value).toBe('Zomer2024!');
  });

  it('never shows a secret in evidence or reason', () => {
    const text = `gebruikersnaam: jjansen\nwachtwoord: Zomer2024!\nurl postgres://app:s3cr3t-Pw@db\n${GITHUB}\n${JWT}`;
    const found = detect(credentialsDetector, text);
    expect(found).toHaveLength(5);
    for (const secret of ['jjansen', 'Zomer2024', 's3cr3t', 'a1B2c3D4', 'eyJzdWIi']) {
      expect(found.map((o) => o.evidence + o.reason).join(' ')).not.toContain(secret);
    }
    expect(found[2]?.evidence).toBe('postgres://********:********@…');
  });

  it('reports one value once, under its longest label', () => {
    const [hit, ...rest] = detect(credentialsDetector, 'DB_PASSWORD=s3cr3t;Server=db01');
    expect(rest).toHaveLength(0);
    expect(hit?.evidence).toBe('db_password: ********');
    expect(detect(credentialsDetector, 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toHaveLength(1);
  });

  it('finds every token format by its trigger, and nothing in a text without one', () => {
    // One token per rule pattern, each in a sentence without a label: only the pattern (behind its trigger) finds it.
    const tokens: [string, string][] = [
      ['AWS access key', 'ASIA' + 'Q3EGRNWJ5VXYZ7AB'],
      ['Google API key', 'AIza' + 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q'],
      ['GitHub token', 'gho' + '_' + 'a1B2c3D4'.repeat(4) + 'e5F6'],
      ['GitHub token', 'github' + '_pat_' + 'A1b2C3d4E5'.repeat(7)],
      ['Slack token', SLACK],
      ['Stripe secret key', 'rk' + '_live_' + 'a1B2c3D4e5F6g7H8i9'],
      ['JSON web token', JWT],
    ];
    for (const [name, token] of tokens) {
      const found = detect(credentialsDetector, `zie ook ${token} hierboven`);
      expect(found.map((o) => o.evidence)).toEqual([`${name}: ********`]);
    }
    expect(detect(credentialsDetector, 'Geen sleutels, geen tokens: alleen tekst met IA, Iza, xox en yJ.')).toEqual([]);
  });

  it('reports a labelled key once and spans a private key block to its END line', () => {
    expect(detect(credentialsDetector, `Authorization: Bearer ${JWT}`)).toHaveLength(1);
    const pem = `key:\n${BEGIN}EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----\nna`;
    const [block] = detect(credentialsDetector, pem);
    expect(pem.slice(block!.start, block!.end)).toMatch(/^-----BEGIN EC PRIVATE KEY-----[\s\S]*-----END EC PRIVATE KEY-----$/);
    expect(block?.evidence).not.toContain('MHcC');
  });
});
