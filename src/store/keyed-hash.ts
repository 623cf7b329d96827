import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

/**
 * Keyed hashes (HMAC-SHA256): what the store keeps where it must recognise a value later without holding it (a
 * document's content, an identifier to search for). Without the key a hash cannot be tested against guesses, so a
 * copied database does not reveal which short document or which BSN it indexes.
 */
export interface KeyedHasher {
  /** `purpose` separates uses ("content", "bsn"), so equal values of different kinds never share a hash. */
  digest(purpose: string, value: string | Uint8Array): string;
  /** Identifies the key (a hash of a constant), so a store can refuse a key that is not the one it was built with. */
  readonly fingerprint: string;
}

export const KEY_ENV = 'BEWAARDER_KEY';
const KEY_BYTES = 32;

export function createKeyedHasher(key: Uint8Array): KeyedHasher {
  if (key.length < 16) throw new Error('the hash key must be at least 16 bytes');
  function digest(purpose: string, value: string | Uint8Array): string {
    return createHmac('sha256', key).update(purpose).update('\0').update(value).digest('base64url');
  }
  return { digest, fingerprint: digest('key-check', 'bewaarder') };
}

/**
 * The key: from $BEWAARDER_KEY (hex or base64, at least 16 bytes) when set, else from `keyFile` — created with
 * 32 random bytes and mode 0600 on first use (unless `create: false`). A key file others can read is refused.
 */
export function loadKey(keyFile: string, env: NodeJS.ProcessEnv = process.env, options: { create?: boolean } = {}): Uint8Array {
  const fromEnv = env[KEY_ENV]?.trim();
  if (fromEnv) return parseKey(fromEnv, `$${KEY_ENV}`);
  if (!existsSync(keyFile)) {
    // A new key for an existing database would only make every stored hash useless: say what is missing instead.
    if (options.create === false) throw new Error(`the hash key ${keyFile} is missing (or set $${KEY_ENV})`);
    try {
      writeFileSync(keyFile, `${randomBytes(KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(keyFile, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first
    }
  }
  if ((statSync(keyFile).mode & 0o077) !== 0) {
    throw new Error(`the key file ${keyFile} can be read by other users: run chmod 600 on it`);
  }
  return parseKey(readFileSync(keyFile, 'utf8').trim(), keyFile);
}

function parseKey(text: string, where: string): Uint8Array {
  const bytes = /^[0-9a-f]+$/i.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (bytes.length < 16) throw new Error(`the key in ${where} is too short (at least 16 bytes, hex or base64)`);
  return bytes;
}
