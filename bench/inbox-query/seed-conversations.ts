import Database from 'better-sqlite3';

/**
 * Bulk-seeds Conversation rows straight through better-sqlite3 (100k in about a second;
 * Prisma would take minutes). Timestamps use Prisma's SQLite text format exactly
 * ("…000+00:00"), or keyset comparisons against Prisma-bound parameters would be wrong.
 */
export const prismaTimestamp = (date: Date): string => date.toISOString().replace('Z', '+00:00');

const STATUSES: [string, number][] = [
  ['sent', 0.58],
  ['closed', 0.2],
  ['awaiting_approval', 0.08],
  ['rejected', 0.05],
  ['drafting', 0.04],
  ['escalated', 0.02],
  ['auto_send_hold', 0.01],
  ['failed', 0.01],
  ['ignored', 0.01],
];
const CATEGORIES = ['account', 'billing', 'technical', 'orders', 'feedback', 'other'];
const PRIORITIES = ['urgent', 'high', 'normal', 'normal', 'low', null];

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pickStatus(roll: number): string {
  let acc = 0;
  for (const [status, share] of STATUSES) {
    acc += share;
    if (roll < acc) return status;
  }
  return 'sent';
}

export function seedConversations(file: string, count: number, now = new Date('2026-06-01T00:00:00Z')): void {
  const random = mulberry32(42);
  const db = new Database(file);
  const insert = db.prepare(`INSERT INTO "Conversation" ("id", "rootMessageId", "subject", "customerEmail", "customerName", "status",
    "category", "priority", "riskScore", "injectionSuspected", "slaDueAt", "holdUntil", "lastMessageAt", "lastMessagePreview",
    "messageCount", "costUsd", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const seedAll = db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const id = `conv-${i.toString(16).padStart(24, '0')}`;
      const status = pickStatus(random());
      const last = new Date(now.getTime() - Math.floor(random() * 180 * 86_400_000));
      const waiting = status === 'awaiting_approval' || status === 'escalated';
      const sla = waiting ? prismaTimestamp(new Date(last.getTime() + 4 * 3_600_000)) : null;
      const hold = status === 'auto_send_hold' ? prismaTimestamp(new Date(last.getTime() + 120_000)) : null;
      insert.run(
        id, `<${id}@bench>`, `Order ${i} question about ${CATEGORIES[i % 6]}`, `customer${i % 20_000}@example.test`,
        i % 3 === 0 ? `Customer ${i % 20_000}` : null, status, CATEGORIES[Math.floor(random() * 6)] ?? null,
        PRIORITIES[Math.floor(random() * PRIORITIES.length)] ?? null, Math.floor(random() * 100), random() < 0.02 ? 1 : 0,
        sla, hold, prismaTimestamp(last), 'Hello, I have a question about my order.', 1 + Math.floor(random() * 4),
        random() * 0.05, prismaTimestamp(last), prismaTimestamp(last),
      );
    }
  });
  seedAll();
  db.exec('ANALYZE');
  db.close();
}
