import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { hashPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listInbox } from '../../../lib/read/inbox/list-inbox';
import { getOverviewMetrics } from '../../../lib/read/overview/get-overview-metrics';
import { createUser } from '../../../lib/features/users/create-user';
import { runCli, type CliRun } from '../../support/run-cli';
import { createTempDb, type TempDb } from '../../support/temp-db';
import { signIn, testAuth } from '../web/auth/support/auth-fixture';

// An installation from before PostgreSQL: a SQLite file built by the old migrations
// (tests/fixtures/sqlite-v1, copied from prisma/migrations as they were), holding rows in
// the formats Prisma's SQLite adapter wrote them: ISO text dates ("…+00:00"), older epoch
// milliseconds, SQLite's own CURRENT_TIMESTAMP defaults, 0/1 booleans, JSON as text.
const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/sqlite-v1');
const PASSWORD = 'old-installation-password';
const dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-import-'));
const file = path.join(dir, 'countersign.db');
const iso = (text: string) => new Date(text).toISOString().replace('Z', '+00:00');
const nul = String.fromCharCode(0);
const RAW_MIME = new Uint8Array([...Buffer.from('Subject: caf'), 0xe9, 0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0xff]);
let temp: TempDb;
let seededAt: Date;

async function buildOldDatabase(): Promise<void> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  for (const name of readdirSync(FIXTURE).sort()) db.exec(readFileSync(path.join(FIXTURE, name), 'utf8'));
  const hash = await hashPassword(PASSWORD);
  const run = (sql: string, ...values: (string | number | Uint8Array)[]) => db.run(sql, values);
  seededAt = new Date();
  run(`INSERT INTO "User" (id, email, name, emailVerified, role, createdAt, updatedAt) VALUES ('u-admin', 'admin@old.example', 'Old Admin', 0, 'admin', ?, ?)`, iso('2026-01-02T03:04:05.678Z'), iso('2026-01-02T03:04:05.678Z'));
  run(`INSERT INTO "User" (id, email, name, emailVerified, role, createdAt, updatedAt) VALUES ('u-agent', 'agent@old.example', 'Old Agent', 1, 'agent', ?, ?)`, iso('2026-01-03T00:00:00Z'), iso('2026-01-03T00:00:00Z'));
  for (const user of ['u-admin', 'u-agent']) {
    run(`INSERT INTO "Account" (id, accountId, providerId, userId, password, createdAt, updatedAt) VALUES (?, ?, 'credential', ?, ?, ?, ?)`, `acc-${user}`, user, user, hash, iso('2026-01-03T00:00:00Z'), iso('2026-01-03T00:00:00Z'));
  }
  run(`INSERT INTO "Setting" (key, value, updatedBy, updatedAt) VALUES ('automation_policy', '{"autoSendEnabled":false,"holdSeconds":60}', 'u-admin', ?)`, iso('2026-01-04T00:00:00Z'));
  run(`INSERT INTO "RateLimit" (id, key, count, lastRequest) VALUES ('rl-1', '203.0.113.9|/sign-in/email', 3, 1893456000123)`);
  // An older row format: epoch milliseconds for its dates.
  run(`INSERT INTO "Conversation" (id, rootMessageId, subject, customerEmail, customerName, status, category, priority, riskScore, injectionSuspected,
       slaDueAt, lastMessageAt, lastMessagePreview, messageCount, costUsd, createdAt, updatedAt)
       VALUES ('conv-old-1', '<root-1@customer.example>', 'Zeppelin tickets', 'jo@customer.example', 'Jo', 'awaiting_approval', 'orders', 'high', 40, 1,
       ?, ?, 'Where are my zeppelin tickets?', 2, 0.0123, ?, ?)`, Date.parse('2030-01-01T00:00:00Z'), Date.parse('2026-01-05T10:00:00Z'), Date.parse('2026-01-05T10:00:00Z'), Date.parse('2026-01-05T10:00:00Z'));
  // createdAt left to SQLite's CURRENT_TIMESTAMP ("YYYY-MM-DD HH:MM:SS", UTC).
  // rawMime as a BLOB holding Latin-1 bytes (not valid UTF-8): it must arrive byte for byte.
  run(`INSERT INTO "Message" (id, conversationId, direction, messageIdHeader, "references", fromAddress, fromName, toAddresses, subject, textBody, sentAt, screening, rawMime)
       VALUES ('msg-1', 'conv-old-1', 'inbound', '<root-1@customer.example>', '["<earlier@customer.example>"]', 'jo@customer.example', 'Jo', '["support@old.example"]',
       'Zeppelin tickets', ?, ?, '["links"]', ?)`, `Where are my zeppelin tickets?${nul} Order 77.`, iso('2026-01-05T10:00:00Z'), RAW_MIME);
  run(`INSERT INTO "Classification" (id, conversationId, messageId, ok, category, priority, riskScore, riskReasons, confidence, requiresHuman, model, createdAt)
       VALUES ('cls-1', 'conv-old-1', 'msg-1', 1, 'orders', 'high', 40, '["refund"]', 0.9, 0, 'claude-haiku-4-5', ?)`, iso('2026-01-05T10:00:05Z'));
  run(`INSERT INTO "Draft" (id, conversationId, version, status, aiBody, model, basedOnMessageId, createdAt, updatedAt)
       VALUES ('draft-1', 'conv-old-1', 1, 'approved', 'Your tickets are on the way.', 'claude-sonnet-4-6', 'msg-1', ?, ?)`, iso('2026-01-05T10:00:10Z'), iso('2026-01-05T10:00:10Z'));
  run(`INSERT INTO "Decision" (id, conversationId, draftVersion, kind, actorType, actorId, reasons, idempotencyKey, createdAt)
       VALUES ('dec-1', 'conv-old-1', 1, 'approve', 'agent', 'u-agent', '[]', 'upd-1', ?)`, iso(new Date().toISOString()));
  run(`INSERT INTO "ConversationEvent" (id, conversationId, eventKey, type, data, at, createdAt) VALUES ('ev-1', 'conv-old-1', 'conv-old-1:received', 'received', '{"messageId":"msg-1"}', ?, ?)`, iso('2026-01-05T10:00:00Z'), iso('2026-01-05T10:00:00Z'));
  run(`INSERT INTO "LlmCall" (id, callKey, conversationId, purpose, model, promptName, promptVersion, attempt, ok, inputTokens, outputTokens, costUsd, createdAt)
       VALUES ('llm-1', 'call-1', 'conv-old-1', 'classify', 'claude-haiku-4-5', 'classify', 1, 1, 1, 900, 120, 0.0123, ?)`, iso(new Date().toISOString()));
  run(`INSERT INTO "KnowledgeArticle" (id, slug, title, body, tags, updatedAt) VALUES ('ka-1', 'zeppelins', 'Zeppelin tickets', 'Tickets are emailed a week before the flight.', '[]', ?)`, iso('2026-01-04T00:00:00Z'));
  run(`INSERT INTO "AuditLog" (id, actorId, action, target, after, createdAt) VALUES ('audit-1', 'u-admin', 'user.create', 'user:u-agent', '{"role":"agent"}', ?)`, iso('2026-01-03T00:00:00Z'));
  writeFileSync(file, db.export());
  db.close();
}

const importFile = (env: Record<string, string> = {}): Promise<CliRun> =>
  // Another time zone than the server's, so a date read as local time would show.
  runCli('scripts/db-import-sqlite.ts', { DATABASE_URL: temp.url, TZ: 'America/New_York', ...env }, undefined, [file]);

beforeAll(async () => {
  await buildOldDatabase();
  temp = await createTempDb();
  // What a first `npm start` on the new version creates before anyone imports.
  await createUser({ email: 'admin@countersign.local', name: 'Bootstrap', role: 'admin', password: 'bootstrap-password-123', actorId: null }, temp.db);
});

afterAll(async () => {
  await temp.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run db:import-sqlite', () => {
  it('copies every row, replacing what a fresh start created', async () => {
    const run = await importFile();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Conversation\s+1/);
    expect(run.stdout).toMatch(/User\s+2/);
    const counts = await Promise.all([
      temp.db.user.count(), temp.db.account.count(), temp.db.conversation.count(), temp.db.message.count(), temp.db.classification.count(),
      temp.db.draft.count(), temp.db.decision.count(), temp.db.conversationEvent.count(), temp.db.llmCall.count(), temp.db.auditLog.count(),
      temp.db.setting.count(), temp.db.rateLimit.count(),
    ]);
    expect(counts).toEqual([2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(await temp.db.user.findUnique({ where: { email: 'admin@countersign.local' } })).toBeNull();
    // The old single-table knowledge becomes version 1 of an article (indexed at the next worker start).
    const article = await temp.db.article.findUniqueOrThrow({ where: { slug: 'zeppelins' }, include: { versions: true } });
    expect(article).toMatchObject({ title: 'Zeppelin tickets', currentVersion: 1 });
    expect(article.versions[0]?.body).toBe('Tickets are emailed a week before the flight.');
  });

  it('keeps every date, boolean, number and JSON value as it was', async () => {
    const conversation = await temp.db.conversation.findUniqueOrThrow({ where: { id: 'conv-old-1' } });
    expect(conversation.slaDueAt?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(conversation.lastMessageAt.toISOString()).toBe('2026-01-05T10:00:00.000Z');
    expect(conversation).toMatchObject({ injectionSuspected: true, riskScore: 40, costUsd: 0.0123, messageCount: 2 });
    const user = await temp.db.user.findUniqueOrThrow({ where: { id: 'u-admin' } });
    expect(user).toMatchObject({ emailVerified: false, role: 'admin' });
    expect(user.createdAt.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    const message = await temp.db.message.findUniqueOrThrow({ where: { id: 'msg-1' } });
    expect(message.references).toEqual(['<earlier@customer.example>']);
    expect(message.screening).toEqual(['links']);
    // SQLite's CURRENT_TIMESTAMP is UTC: read as such, it is within a minute of the seeding.
    expect(Math.abs(message.createdAt.getTime() - seededAt.getTime())).toBeLessThan(60_000);
    expect(message.textBody).toBe('Where are my zeppelin tickets?\uFFFD Order 77.');
    expect([...(message.rawMime ?? [])]).toEqual([...RAW_MIME]);
    expect((await temp.db.setting.findUniqueOrThrow({ where: { key: 'automation_policy' } })).value).toEqual({ autoSendEnabled: false, holdSeconds: 60 });
    expect((await temp.db.rateLimit.findFirstOrThrow()).lastRequest).toBe(1893456000123n);
  });

  it('works as the new version: old passwords sign in, the inbox, search and overview read the rows', async () => {
    expect((await signIn(testAuth(temp.db), 'agent@old.example', PASSWORD, { ip: '198.51.100.77' })).status).toBe(200);
    const waiting = await listInbox({ queue: 'needs_approval', sort: 'sla' }, temp.db);
    expect(waiting.rows.map((row) => row.id)).toEqual(['conv-old-1']);
    const found = await listInbox({ queue: 'all', sort: 'newest', search: 'zeppelin' }, temp.db);
    expect(found.rows.map((row) => row.id)).toEqual(['conv-old-1']);
    const overview = await getOverviewMetrics({ days: 7 }, temp.db);
    expect(overview.decisions.approvals).toBe(1);
    expect(overview.cost.calls).toBe(1);
  });

  it('refuses a database that already holds mail, and changes nothing', async () => {
    const again = await importFile();
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds mail');
    expect(await temp.db.user.count()).toBe(2);
  });

  it('explains how to call it', async () => {
    const run = await runCli('scripts/db-import-sqlite.ts', { DATABASE_URL: temp.url }, undefined, [path.join(dir, 'missing.db')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('npm run db:import-sqlite -- <path');
  });
});
