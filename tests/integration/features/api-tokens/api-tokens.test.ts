import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../../../lib/features/api-tokens/create-api-token';
import { listApiTokens } from '../../../../lib/features/api-tokens/list-api-tokens';
import { revokeApiToken } from '../../../../lib/features/api-tokens/revoke-api-token';
import { hashApiToken } from '../../../../lib/features/api-tokens/token-secret';
import { verifyApiToken } from '../../../../lib/features/api-tokens/verify-api-token';
import { AuthError } from '../../../../lib/web/auth/auth-error';
import { resolveApiActor } from '../../../../lib/web/auth/resolve-api-actor';
import { createUser } from '../../../../lib/features/users/create-user';
import { setUserDisabled } from '../../../../lib/features/users/set-user-disabled';
import { UserError } from '../../../../lib/features/users/user-error';
import { createTempDb, type TempDb } from '../../../support/temp-db';

const PASSWORD = 'correct horse battery staple';
let temp: TempDb;
let adminId: string;
let agentId: string;

beforeAll(async () => {
  temp = await createTempDb();
  adminId = (await createUser({ email: 'admin@example.com', name: 'Admin', role: 'admin', password: PASSWORD, actorId: null }, temp.db)).id;
  agentId = (await createUser({ email: 'bot@example.com', name: 'Import bot', role: 'agent', password: PASSWORD, actorId: adminId }, temp.db)).id;
});

afterAll(async () => {
  await temp.close();
});

describe('API tokens', () => {
  it('stores only the hash and a prefix, and verifies to the token’s user', async () => {
    const created = await createApiToken({ name: 'helpdesk import', userId: agentId, actorId: adminId }, temp.db);
    const row = await temp.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(created.token.startsWith(row.prefix)).toBe(true);

    expect(await verifyApiToken(created.token, temp.db)).toEqual({ id: agentId, email: 'bot@example.com', name: 'Import bot', role: 'agent' });
    const listed = await listApiTokens(temp.db);
    expect(listed.find((token) => token.id === created.id)?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('rejects unknown and malformed tokens', async () => {
    const created = await createApiToken({ name: 'x', userId: agentId, actorId: adminId }, temp.db);
    const tampered = `${created.token.slice(0, -2)}${created.token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await verifyApiToken(tampered, temp.db)).toBeNull();
    expect(await verifyApiToken('cs_short', temp.db)).toBeNull();
  });

  it('stops working once revoked, and the revocation is audited', async () => {
    const created = await createApiToken({ name: 'to revoke', userId: agentId, actorId: adminId }, temp.db);
    expect(await verifyApiToken(created.token, temp.db)).not.toBeNull();
    expect(await revokeApiToken({ id: created.id, actorId: adminId }, temp.db)).toBe(true);
    expect(await verifyApiToken(created.token, temp.db)).toBeNull();

    const audit = await temp.db.auditLog.findFirstOrThrow({ where: { action: 'api_token.revoke', target: `api_token:${created.id}` } });
    expect(audit.actorId).toBe(adminId);
    expect(audit.before).toMatchObject({ revokedAt: null });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(created.token);
  });

  it('a revoked token is a 401 for a route handler', async () => {
    const created = await createApiToken({ name: 'route', userId: agentId, actorId: adminId }, temp.db);
    await revokeApiToken({ id: created.id, actorId: adminId }, temp.db);
    const attempt = resolveApiActor({
      request: new Request('http://localhost:3000/api/x', { method: 'POST', headers: { authorization: `Bearer ${created.token}` } }),
      minRole: 'agent',
      trustedOrigins: [],
      sessionUser: async () => null,
      tokenUser: (token) => verifyApiToken(token, temp.db),
    });
    await expect(attempt).rejects.toEqual(new AuthError('unauthenticated'));
  });

  it('stops working when its user is disabled, and cannot be minted for them', async () => {
    const user = await createUser({ email: 'gone@example.com', name: 'Gone', role: 'manager', password: PASSWORD, actorId: adminId }, temp.db);
    const created = await createApiToken({ name: 'gone', userId: user.id, actorId: adminId }, temp.db);
    await setUserDisabled({ userId: user.id, disabled: true, actorId: adminId }, temp.db);
    expect(await verifyApiToken(created.token, temp.db)).toBeNull();
    await expect(createApiToken({ name: 'again', userId: user.id, actorId: adminId }, temp.db)).rejects.toBeInstanceOf(UserError);
  });
});
