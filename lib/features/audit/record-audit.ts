import type { Prisma } from '../../platform/db/generated/client';
import type { DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';

export interface AuditEntry {
  /** The user who acted; null for the system (start-up bootstrap, CLI). */
  actorId: string | null;
  /** Dotted verb such as `settings.automation_policy.update` or `user.disable`. */
  action: string;
  /** `kind:id` of what changed, e.g. `user:ck…` or `setting:automation_policy`. */
  target: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

/**
 * Appends one audit row. Pass the transaction client of the change itself so the change
 * and its record commit together. Never put secrets (passwords, tokens) in before/after.
 */
export async function recordAudit(entry: AuditEntry, db: DbClient = getDb()): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      target: entry.target,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
