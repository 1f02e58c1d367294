import type { DbClient } from '../../platform/db/client';
import { getDb } from '../../platform/db';

export interface AuditLogEntry {
  id: string;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
  actor: { id: string; name: string; email: string } | null;
}

export interface ListAuditLogOptions {
  /** Only entries whose action starts with one of these (e.g. `settings.`). */
  actionPrefixes?: string[];
  limit?: number;
}

/** Newest first, with the acting user resolved (AuditLog keeps a bare id so users can be deleted). */
export async function listAuditLog(options: ListAuditLogOptions = {}, db: DbClient = getDb()): Promise<AuditLogEntry[]> {
  const prefixes = options.actionPrefixes ?? [];
  const rows = await db.auditLog.findMany({
    where: prefixes.length ? { OR: prefixes.map((prefix) => ({ action: { startsWith: prefix } })) } : {},
    orderBy: { createdAt: 'desc' },
    take: options.limit ?? 100,
  });
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  const users = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(users.map((user) => [user.id, user]));
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    target: row.target,
    before: row.before,
    after: row.after,
    createdAt: row.createdAt,
    actor: row.actorId ? (byId.get(row.actorId) ?? null) : null,
  }));
}
