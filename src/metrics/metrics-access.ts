import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when `authorization` is `Bearer <token>`. Both sides are hashed first, so the comparison is constant-time
 * whatever the lengths (timingSafeEqual needs equal lengths, and a length check alone would leak the length).
 */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const given = createHash('sha256')
    .update(m?.[1] ?? '')
    .digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected) && m !== null;
}
