import { createHash, randomBytes } from 'node:crypto';

/** Every Countersign token starts with this, so leaked ones are easy to grep for. */
export const API_TOKEN_PREFIX = 'cs_';
const VISIBLE_CHARS = 8;
const SECRET_BYTES = 32;
const TOKEN_PATTERN = /^cs_[A-Za-z0-9_-]{43}$/;

export interface GeneratedApiToken {
  /** The full token: shown to the admin once, never stored. */
  token: string;
  /** `cs_` plus the first characters, stored so a token can be recognised in a list. */
  prefix: string;
  tokenHash: string;
}

export function generateApiToken(): GeneratedApiToken {
  const token = `${API_TOKEN_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX.length + VISIBLE_CHARS), tokenHash: hashApiToken(token) };
}

/**
 * SHA-256 without salt is enough here: the token carries 256 random bits, so there is no
 * dictionary to attack, and a fixed hash lets verification be one indexed lookup.
 */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeApiToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The token from `Authorization: Bearer cs_...`, or null when the header is absent or another scheme. */
export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}
