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
  adminId = (await createUser(temp.db, { email: 'admin@example.com', name: 'Admin', role: 'admin', password: PASSWORD, actorId: null })).id;
  agentId = (await createUser(temp.db, { email: 'bot@example.com', name: 'Import bot', role: 'agent', password: PASSWORD, actorId: adminId })).id;
});

afterAll(async () => {
  await temp.close();
});

describe('API tokens', () => {
  it('stores only the hash and a prefix, and verifies to the token’s user', async () => {
    const created = await createApiToken(temp.db, { name: 'helpdesk import', userId: agentId, actorId: adminId });
    const row = await temp.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(created.token.startsWith(row.prefix)).toBe(true);

    expect(await verifyApiToken(temp.db, created.token)).toEqual({ id: agentId, email: 'bot@example.com', name: 'Import bot', role: 'agent' });
    const listed = await listApiTokens(temp.db);
    expect(listed.find((token) => token.id === created.id)?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('rejects unknown and malformed tokens', async () => {
    const created = await createApiToken(temp.db, { name: 'x', userId: agentId, actorId: adminId });
    const tampered = `${created.token.slice(0, -2)}${created.token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await verifyApiToken(temp.db, tampered)).toBeNull();
    expect(await verifyApiToken(temp.db, 'cs_short')).toBeNull();
  });

  it('stops working once revoked, and the revocation is audited', async () => {
    const created = await createApiToken(temp.db, { name: 'to revoke', userId: agentId, actorId: adminId });
    expect(await verifyApiToken(temp.db, created.token)).not.toBeNull();
    expect(await revokeApiToken(temp.db, { id: created.id, actorId: adminId })).toBe(true);
    expect(await verifyApiToken(temp.db, created.token)).toBeNull();

    const audit = await temp.db.auditLog.findFirstOrThrow({ where: { action: 'api_token.revoke', target: `api_token:${created.id}` } });
    expect(audit.actorId).toBe(adminId);
    expect(audit.before).toMatchObject({ revokedAt: null });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(created.token);
  });

  it('a revoked token is a 401 for a route handler', async () => {
    const created = await createApiToken(temp.db, { name: 'route', userId: agentId, actorId: adminId });
    await revokeApiToken(temp.db, { id: created.id, actorId: adminId });
    const attempt = resolveApiActor({
      request: new Request('http://localhost:3000/api/x', { method: 'POST', headers: { authorization: `Bearer ${created.token}` } }),
      minRole: 'agent',
      trustedOrigins: [],
      sessionUser: async () => null,
      tokenUser: (token) => verifyApiToken(temp.db, token),
    });
    await expect(attempt).rejects.toEqual(new AuthError('unauthenticated'));
  });

  it('stops working when its user is disabled, and cannot be minted for them', async () => {
    const user = await createUser(temp.db, { email: 'gone@example.com', name: 'Gone', role: 'manager', password: PASSWORD, actorId: adminId });
    const created = await createApiToken(temp.db, { name: 'gone', userId: user.id, actorId: adminId });
    await setUserDisabled(temp.db, { userId: user.id, disabled: true, actorId: adminId });
    expect(await verifyApiToken(temp.db, created.token)).toBeNull();
    await expect(createApiToken(temp.db, { name: 'again', userId: user.id, actorId: adminId })).rejects.toBeInstanceOf(UserError);
  });
});
