import { getDb, type DbClient } from '../../platform/db';
import { getTwoFactorPolicy } from './two-factor-policy';

/** Whether this person has two-factor on, must have it, and signs in with a password at all. */
export async function getTwoFactorState(userId: string, db: DbClient = getDb()): Promise<{ enabled: boolean; required: boolean; passwordAccount: boolean }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, twoFactorEnabled: true, accounts: { select: { providerId: true } } } });
  const passwordAccount = user.accounts.some((account) => account.providerId === 'credential');
  const policy = await getTwoFactorPolicy(db);
  return {
    enabled: user.twoFactorEnabled === true,
    // Only password accounts: people who come through SSO follow their provider's rules.
    required: passwordAccount && (policy.requiredFor as string[]).includes(user.role),
    passwordAccount,
  };
}
