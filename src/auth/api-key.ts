import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Partner API keys: `bgw_<keyid>_<secret>`. The key id is public (safe to log, used to find the key);
 * the registry stores only the SHA-256 of the whole key. SHA-256 suffices for 190+ bits of randomness,
 * and keeps the hot path free of a slow KDF.
 */
export const API_KEY_PREFIX = 'bgw_';
const KEY_ID_LENGTH = 12;
const SECRET_LENGTH = 40;
const API_KEY_PATTERN = /^bgw_([A-Za-z0-9]{12})_([A-Za-z0-9]{32,128})$/;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Uniform base62 characters (rejection sampling keeps every character equally likely). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface GeneratedApiKey {
  /** The full key: shown once, never stored. */
  key: string;
  id: string;
  hash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const id = randomBase62(KEY_ID_LENGTH);
  const key = `${API_KEY_PREFIX}${id}_${randomBase62(SECRET_LENGTH)}`;
  return { key, id, hash: hashApiKey(key) };
}

/** The key id of a well-formed key, or null. Says nothing about whether the key is valid. */
export function apiKeyIdOf(raw: string): string | null {
  const m = API_KEY_PATTERN.exec(raw);
  return m?.[1] ?? null;
}

/** Constant-time comparison of the presented key's hash with a stored hash (both sha256 hex). */
export function apiKeyMatches(presented: string, storedHashHex: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = Buffer.from(storedHashHex, 'hex');
  return b.length === a.length && timingSafeEqual(a, b);
}
