import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeOwnPassword } from '../../../../lib/features/users/change-own-password';
import { createUser } from '../../../../lib/features/users/create-user';
import { setUserDisabled } from '../../../../lib/features/users/set-user-disabled';
import { setUserPassword } from '../../../../lib/features/users/set-user-password';
import { updateUser } from '../../../../lib/features/users/update-user';
import { UserError } from '../../../../lib/features/users/user-error';
import { createTempDb, type TempDb } from '../../../support/temp-db';
import { signIn, testAuth } from '../../web/auth/support/auth-fixture';

const PASSWORD = 'correct horse battery staple';
let temp: TempDb;
let auth: ReturnType<typeof testAuth>;
let ip = 0;
const signInStatus = async (email: string, password: string) => (await signIn(auth, email, password, { ip: `198.51.100.${++ip}` })).status;

beforeAll(async () => {
  temp = await createTempDb();
  auth = testAuth(temp.db);
});
afterAll(async () => {
  await temp.close();
});

async function person(email: string, role: 'agent' | 'manager' | 'admin') {
  return createUser({ email, name: email.split('@')[0] ?? email, role, password: PASSWORD, actorId: null }, temp.db);
}

describe('people admin', () => {
  it('renames someone and changes their role, audited with before and after', async () => {
    const admin = await person('boss@example.com', 'admin');
    const agent = await person('ann@example.com', 'agent');
    expect(await updateUser({ userId: agent.id, name: 'Ann Smith', role: 'manager', actorId: admin.id }, temp.db)).toEqual({ roleChanged: true });
    expect(await temp.db.user.findUniqueOrThrow({ where: { id: agent.id } })).toMatchObject({ name: 'Ann Smith', role: 'manager' });
    const audit = await temp.db.auditLog.findFirstOrThrow({ where: { action: 'user.update', target: `user:${agent.id}` } });
    expect(audit).toMatchObject({ actorId: admin.id, before: { name: 'ann', role: 'agent' }, after: { name: 'Ann Smith', role: 'manager' } });
  });

  it('refuses to demote or disable the last enabled admin, and changes nothing', async () => {
    const db = (await createTempDb());
    try {
      const admin = await createUser({ email: 'only@example.com', name: 'Only', role: 'admin', password: PASSWORD, actorId: null }, db.db);
      const helper = await createUser({ email: 'help@example.com', name: 'Help', role: 'manager', password: PASSWORD, actorId: null }, db.db);
      await expect(updateUser({ userId: admin.id, name: 'Only', role: 'manager', actorId: admin.id }, db.db)).rejects.toMatchObject({ code: 'last_admin' });
      await expect(setUserDisabled({ userId: admin.id, disabled: true, actorId: helper.id }, db.db)).rejects.toMatchObject({ code: 'last_admin' });
      expect(await db.db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: 'admin', disabledAt: null });
      expect(await db.db.auditLog.count({ where: { action: { in: ['user.update', 'user.disable'] } } })).toBe(0);

      // With a second admin, either may step down, but not both at once.
      const second = await createUser({ email: 'second@example.com', name: 'Second', role: 'admin', password: PASSWORD, actorId: admin.id }, db.db);
      const results = await Promise.allSettled([
        updateUser({ userId: admin.id, name: 'Only', role: 'agent', actorId: second.id }, db.db),
        updateUser({ userId: second.id, name: 'Second', role: 'agent', actorId: admin.id }, db.db),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((result) => result.status === 'rejected');
      expect(refused?.status === 'rejected' && refused.reason instanceof UserError && refused.reason.code).toBe('last_admin');
      expect(await db.db.user.count({ where: { role: 'admin', disabledAt: null } })).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('an admin sets a new password: the new one signs in, the old one no longer does, sessions end', async () => {
    const admin = await person('root@example.com', 'admin');
    const bob = await person('bob@example.com', 'agent');
    expect(await signInStatus('bob@example.com', PASSWORD)).toBe(200);
    expect(await temp.db.session.count({ where: { userId: bob.id } })).toBe(1);
    await setUserPassword({ userId: bob.id, password: 'a brand new passphrase', actorId: admin.id }, temp.db);
    expect(await temp.db.session.count({ where: { userId: bob.id } })).toBe(0);
    expect(await signInStatus('bob@example.com', PASSWORD)).toBe(401);
    expect(await signInStatus('bob@example.com', 'a brand new passphrase')).toBe(200);
    const audit = await temp.db.auditLog.findFirstOrThrow({ where: { action: 'user.password_set', target: `user:${bob.id}` } });
    expect(JSON.stringify(audit)).not.toContain('a brand new passphrase');
  });

  it('changing one’s own password needs the current one', async () => {
    const cleo = await person('cleo@example.com', 'agent');
    await expect(changeOwnPassword({ userId: cleo.id, currentPassword: 'not my password!', newPassword: 'cleo new passphrase' }, temp.db)).rejects.toMatchObject({
      code: 'wrong_password',
    });
    expect(await signInStatus('cleo@example.com', PASSWORD)).toBe(200);
    expect(await signInStatus('cleo@example.com', 'cleo new passphrase')).toBe(401);

    await changeOwnPassword({ userId: cleo.id, currentPassword: PASSWORD, newPassword: 'cleo new passphrase' }, temp.db);
    expect(await signInStatus('cleo@example.com', 'cleo new passphrase')).toBe(200);
    expect(await signInStatus('cleo@example.com', PASSWORD)).toBe(401);
  });
});
