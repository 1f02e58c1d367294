import pg from 'pg';

/**
 * Bulk-seeds Conversation rows, each with its first inbound Message (what full-text search
 * reads), through multi-row INSERTs on one connection: 100k conversations in well under a
 * minute where Prisma would take many. The Message search trigger runs for every row, as
 * it does for real mail.
 */
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
const BODIES = [
  'Hello, I have a question about my order. It has not arrived yet and the tracking page shows nothing.',
  'Hi, I was charged twice this month. Could you refund the second payment please?',
  'The export to CSV fails with an error since yesterday. Screenshots attached.',
  'How do I reset my password? The link in the email has expired.',
  'Please update the billing address on our invoices to our new office.',
  'Great product, but the mobile app logs me out every few minutes.',
];
const BATCH = 1_000;

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

function insertSql(table: string, columns: string[], rows: number): string {
  const values = Array.from({ length: rows }, (_, row) => `(${columns.map((_, column) => `$${row * columns.length + column + 1}`).join(', ')})`);
  return `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES ${values.join(', ')}`;
}

const CONVERSATION_COLUMNS = ['id', 'rootMessageId', 'subject', 'customerEmail', 'customerName', 'status', 'category', 'priority', 'riskScore',
  'injectionSuspected', 'slaDueAt', 'holdUntil', 'lastMessageAt', 'lastMessagePreview', 'messageCount', 'costUsd', 'createdAt', 'updatedAt'];
const MESSAGE_COLUMNS = ['id', 'conversationId', 'direction', 'messageIdHeader', 'dedupeKey', 'fromAddress', 'fromName', 'subject', 'textBody', 'sizeBytes', 'sentAt', 'createdAt'];

export async function seedConversations(databaseUrl: string, count: number, now = new Date('2026-06-01T00:00:00Z')): Promise<void> {
  const random = mulberry32(42);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let start = 0; start < count; start += BATCH) {
      const conversations: unknown[] = [];
      const messages: unknown[] = [];
      const size = Math.min(BATCH, count - start);
      for (let i = start; i < start + size; i += 1) {
        const id = `conv-${i.toString(16).padStart(24, '0')}`;
        const status = pickStatus(random());
        const last = new Date(now.getTime() - Math.floor(random() * 180 * 86_400_000));
        const waiting = status === 'awaiting_approval' || status === 'escalated';
        // Dates as UTC text: node-postgres sends a Date in the local zone (Prisma stores UTC).
        const sla = waiting ? new Date(last.getTime() + 4 * 3_600_000).toISOString() : null;
        const hold = status === 'auto_send_hold' ? new Date(last.getTime() + 120_000).toISOString() : null;
        const at = last.toISOString();
        const email = `customer${i % 20_000}@example.test`;
        const name = i % 3 === 0 ? `Customer ${i % 20_000}` : null;
        const subject = `Order ${i} question about ${CATEGORIES[i % 6]}`;
        const body = BODIES[Math.floor(random() * BODIES.length)] ?? '';
        conversations.push(
          id, `<${id}@bench>`, subject, email, name, status, CATEGORIES[Math.floor(random() * 6)] ?? null,
          PRIORITIES[Math.floor(random() * PRIORITIES.length)] ?? null, Math.floor(random() * 100), random() < 0.02,
          sla, hold, at, body.slice(0, 200), 1 + Math.floor(random() * 4), random() * 0.05, at, at,
        );
        messages.push(`msg-${id}`, id, 'inbound', `<${id}@bench>`, `bench:${id}`, email, name, subject, body, body.length, at, at);
      }
      await client.query(insertSql('Conversation', CONVERSATION_COLUMNS, size), conversations);
      await client.query(insertSql('Message', MESSAGE_COLUMNS, size), messages);
    }
    // What autovacuum does to a table in steady state: statistics, and a visibility map for index-only scans.
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
