import type { DbClient } from '../../platform/db/client';
import { UserError } from './user-error';

/**
 * Refuses a change that would leave no enabled admin (nobody could manage people again). It
 * locks the enabled admins' rows first, so two admins demoting each other at once cannot both
 * pass: the second waits for the first and then sees one admin fewer.
 */
export async function assertAnotherAdminRemains(userId: string, tx: DbClient): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'admin' AND "disabledAt" IS NULL FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== userId)) throw new UserError('last_admin');
}
