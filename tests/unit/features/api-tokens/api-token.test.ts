import { describe, expect, it } from 'vitest';
import { bearerToken, generateApiToken, hashApiToken, looksLikeApiToken } from '../../../../lib/features/api-tokens/token-secret';

describe('generateApiToken', () => {
  it('makes a cs_ token with 256 random bits, a visible prefix and its sha256', () => {
    const { token, prefix, tokenHash } = generateApiToken();
    expect(token).toMatch(/^cs_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(3), 'base64url')).toHaveLength(32);
    expect(prefix).toBe(token.slice(0, 11));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashApiToken(token));
  });

  it('never repeats and never stores the token in its hash', () => {
    const tokens = Array.from({ length: 50 }, () => generateApiToken());
    expect(new Set(tokens.map((t) => t.token)).size).toBe(50);
    for (const { token, tokenHash } of tokens) expect(tokenHash).not.toContain(token.slice(3, 11));
  });
});

describe('hashApiToken', () => {
  it('distinguishes tokens that differ in one character', () => {
    const { token } = generateApiToken();
    const other = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(hashApiToken(other)).not.toBe(hashApiToken(token));
  });
});

describe('looksLikeApiToken', () => {
  it('accepts only the exact shape', () => {
    const { token } = generateApiToken();
    expect(looksLikeApiToken(token)).toBe(true);
    expect(looksLikeApiToken(token.slice(0, -1))).toBe(false);
    expect(looksLikeApiToken(`xx_${token.slice(3)}`)).toBe(false);
    expect(looksLikeApiToken(`${token} `)).toBe(false);
  });
});

describe('bearerToken', () => {
  it('reads the Bearer scheme case-insensitively', () => {
    expect(bearerToken('Bearer cs_abc')).toBe('cs_abc');
    expect(bearerToken('bearer   cs_abc ')).toBe('cs_abc');
  });
  it('ignores other schemes and absent headers', () => {
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
