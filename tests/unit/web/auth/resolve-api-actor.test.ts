import { describe, expect, it, vi } from 'vitest';
import { AuthError } from '../../../../lib/web/auth/auth-error';
import { resolveApiActor } from '../../../../lib/web/auth/resolve-api-actor';
import type { SessionUser } from '../../../../lib/features/users/session-user';

const agent: SessionUser = { id: 'u1', email: 'a@example.com', name: 'A', role: 'agent' };
const manager: SessionUser = { ...agent, id: 'u2', role: 'manager' };

function request(method: string, headers: Record<string, string>): Request {
  return new Request('http://localhost:3000/api/thing', { method, headers: { host: 'localhost:3000', ...headers } });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof AuthError) return error.code;
    throw error;
  }
}

describe('resolveApiActor', () => {
  it('accepts a valid bearer token without an Origin, even for a mutation', async () => {
    const tokenUser = vi.fn(async () => manager);
    const sessionUser = vi.fn(async () => null);
    const user = await resolveApiActor({
      request: request('POST', { authorization: 'Bearer cs_token' }),
      minRole: 'manager',
      trustedOrigins: [],
      tokenUser,
      sessionUser,
    });
    expect(user).toEqual(manager);
    expect(tokenUser).toHaveBeenCalledWith('cs_token');
    expect(sessionUser).not.toHaveBeenCalled();
  });

  it('does not fall back to the cookie when a token is present but invalid', async () => {
    const sessionUser = vi.fn(async () => manager);
    const code = await codeOf(
      resolveApiActor({ request: request('GET', { authorization: 'Bearer nope' }), minRole: 'agent', trustedOrigins: [], tokenUser: async () => null, sessionUser }),
    );
    expect(code).toBe('unauthenticated');
    expect(sessionUser).not.toHaveBeenCalled();
  });

  it('refuses a cookie mutation from another origin even with a valid session', async () => {
    const base = { minRole: 'agent' as const, trustedOrigins: [], tokenUser: async () => null, sessionUser: async () => manager };
    expect(await codeOf(resolveApiActor({ ...base, request: request('POST', { origin: 'https://evil.example' }) }))).toBe('bad_origin');
    expect(await codeOf(resolveApiActor({ ...base, request: request('DELETE', {}) }))).toBe('bad_origin');
  });

  it('answers an anonymous mutation with unauthenticated, whatever its Origin', async () => {
    const code = await codeOf(
      resolveApiActor({ request: request('POST', {}), minRole: 'agent', trustedOrigins: [], tokenUser: async () => null, sessionUser: async () => null }),
    );
    expect(code).toBe('unauthenticated');
  });

  it('lets a same-origin cookie mutation through', async () => {
    const user = await resolveApiActor({
      request: request('POST', { origin: 'http://localhost:3000' }),
      minRole: 'agent',
      trustedOrigins: [],
      tokenUser: async () => null,
      sessionUser: async () => agent,
    });
    expect(user.id).toBe('u1');
  });

  it('reads with a cookie need no Origin', async () => {
    const user = await resolveApiActor({ request: request('GET', {}), minRole: 'agent', trustedOrigins: [], tokenUser: async () => null, sessionUser: async () => agent });
    expect(user.id).toBe('u1');
  });

  it('distinguishes no session from too low a role', async () => {
    const base = { request: request('GET', {}), trustedOrigins: [], tokenUser: async () => null };
    expect(await codeOf(resolveApiActor({ ...base, minRole: 'agent', sessionUser: async () => null }))).toBe('unauthenticated');
    expect(await codeOf(resolveApiActor({ ...base, minRole: 'admin', sessionUser: async () => agent }))).toBe('forbidden');
  });
});
