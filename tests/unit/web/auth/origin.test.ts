import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, isMutation } from '../../../../lib/web/auth/origin';

const trusted = ['https://support.example.com'];
const check = (headers: Record<string, string>) => isAllowedOrigin({ headers: new Headers(headers), trustedOrigins: trusted });

describe('isAllowedOrigin', () => {
  it('accepts an Origin matching the Host', () => {
    expect(check({ origin: 'http://localhost:3000', host: 'localhost:3000' })).toBe(true);
  });
  it('accepts the forwarded host a proxy reports', () => {
    expect(check({ origin: 'https://inbox.example.org', host: '10.0.0.5:3000', 'x-forwarded-host': 'inbox.example.org' })).toBe(true);
  });
  it('accepts a configured trusted origin', () => {
    expect(check({ origin: 'https://support.example.com', host: 'internal:3000' })).toBe(true);
  });
  it('rejects another site', () => {
    expect(check({ origin: 'https://evil.example', host: 'localhost:3000' })).toBe(false);
  });
  it('rejects the same host on another port', () => {
    expect(check({ origin: 'http://localhost:4000', host: 'localhost:3000' })).toBe(false);
  });
  it('rejects a trusted host with the wrong scheme', () => {
    expect(check({ origin: 'http://support.example.com', host: 'internal:3000' })).toBe(false);
  });
  it('rejects a missing, opaque or malformed Origin', () => {
    expect(check({ host: 'localhost:3000' })).toBe(false);
    expect(check({ origin: 'null', host: 'localhost:3000' })).toBe(false);
    expect(check({ origin: 'not a url', host: 'localhost:3000' })).toBe(false);
  });
});

describe('isMutation', () => {
  it('treats everything but GET, HEAD and OPTIONS as a mutation', () => {
    expect(['GET', 'head', 'OPTIONS'].map(isMutation)).toEqual([false, false, false]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(isMutation)).toEqual([true, true, true, true]);
  });
});
