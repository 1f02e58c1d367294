import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, onTestFailed } from 'vitest';
import { startClaudeSimulator } from '../../devstack/claude-simulator';
import { DEMO_EMAILS, type DemoEmail } from '../../devstack/demo-emails';
import { startMailCatcher, type MailCatcher } from '../../devstack/mail-catcher/server';
import { createApiToken } from '../../lib/features/api-tokens/create-api-token';
import { createUser } from '../../lib/features/users/create-user';
import { createDb, type Db } from '../../lib/platform/db/client';
import { withDatabaseName } from '../../lib/platform/db/database-url';
import { startWorkerProcess, type WorkerProcess } from '../integration/support/worker-process';
import { runCli } from '../support/run-cli';
import { createLocalEnv } from '../support/temporal-test-env';
import { adminQuery } from '../support/temp-db';
import { launchChromium } from './support/browser';
import { ensureWebBuild } from './support/ensure-web-build';
import { startWebNode, type WebNode } from './support/web-node';

/**
 * Countersign on several machines, as far as one machine can show it: two worker processes
 * and two web nodes (`npm run web`, the built app) on one PostgreSQL and one Temporal
 * server, sharing nothing but those two. Mail arrives through both nodes; a worker dies
 * mid-burst; an agent's browser on node 1 sees what was decided through node 2; and both
 * nodes take a burst of intake, sign-ins and inbox reads without a server error.
 */
const INBOUND_SECRET = 'scale-out-inbound-secret-0123456789';
const ADMIN = { email: 'lead@scale.example', password: 'scale-out-admin-password' };
const AGENT_PASSWORD = 'scale-out-agent-password';
const AGENTS = 5;
const SETTLED = new Set(['sent', 'awaiting_approval', 'escalated', 'rejected', 'failed', 'closed']);

const dir = mkdtempSync(path.join(os.tmpdir(), 'countersign-scale-'));
const database = `countersign_scale_${process.pid}`;
let databaseUrl: string;
let db: Db;
let temporal: TestWorkflowEnvironment;
let simulator: Awaited<ReturnType<typeof startClaudeSimulator>>;
let mail: MailCatcher;
let workers: WorkerProcess[] = [];
let webs: WebNode[] = [];
let browser: Browser | undefined;
let apiToken: string;
let runs = 0;

function customerEmail(template: DemoEmail, tag: string): DemoEmail {
  // One sender per email: the per-sender hourly cap must not be what routes a reply.
  return { ...template, from: `Customer ${tag} <customer-${tag}@customers.example>`, subject: `${template.subject} [${tag}]` };
}

/** POST /api/inbound on one node, as a mail relay would. */
async function postInbound(node: WebNode, email: DemoEmail, tag: string): Promise<Response> {
  return fetch(`${node.url}/api/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${INBOUND_SECRET}` },
    body: JSON.stringify({ from: email.from, to: 'support@countersign.local', subject: email.subject, text: email.text, messageId: `<scale-${tag}@customers.example>` }),
  });
}

async function waitUntilSettled(ids: string[], timeoutMs: number): Promise<Map<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db.conversation.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
    const statuses = new Map(rows.map((row) => [row.id, row.status]));
    if (ids.every((id) => SETTLED.has(statuses.get(id) ?? ''))) return statuses;
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(Object.fromEntries(statuses))}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function signInCookie(node: WebNode, email: string, password: string): Promise<{ status: number; cookie: string }> {
  const response = await fetch(`${node.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: node.url },
    body: JSON.stringify({ email, password }),
  });
  await response.arrayBuffer();
  const cookie = response.headers.getSetCookie().map((entry) => entry.split(';')[0]).join('; ');
  return { status: response.status, cookie };
}

beforeAll(async () => {
  await ensureWebBuild();
  const adminUrl = inject('databaseAdminUrl');
  await adminQuery(adminUrl, `CREATE DATABASE "${database}"`);
  databaseUrl = withDatabaseName(adminUrl, database);
  // A deploy where every node runs the release step at once: one migrates, the other waits and finds nothing to do.
  const migrations = await Promise.all([1, 2].map(() => runCli('scripts/db-migrate.ts', { DATABASE_URL: databaseUrl })));
  expect(migrations.map((run) => run.code)).toEqual([0, 0]);
  // However many migrations the release has, exactly one node applies them.
  expect(migrations.filter((run) => /Applied [1-9]\d* migration/.test(run.stdout))).toHaveLength(1);

  db = createDb(databaseUrl);
  [temporal, simulator, mail] = await Promise.all([
    createLocalEnv(),
    startClaudeSimulator({ port: 0 }),
    startMailCatcher({ smtpPort: 0, httpPort: 0, storageDir: path.join(dir, 'mail') }),
  ]);
  await db.setting.create({ data: { key: 'automation_policy', value: { holdSeconds: 0, autoSendCategories: ['account', 'orders', 'feedback', 'billing'] } } });
  const admin = await createUser({ ...ADMIN, name: 'Lead', role: 'admin', actorId: null }, db);
  for (let i = 0; i < AGENTS; i += 1) await createUser({ email: `agent${i}@scale.example`, name: `Agent ${i}`, role: 'agent', password: AGENT_PASSWORD, actorId: admin.id }, db);
  apiToken = (await createApiToken({ name: 'scale-out', userId: admin.id, actorId: admin.id }, db)).token;

  const taskQueue = `scale-out-${process.pid}`;
  const shared = { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: taskQueue };
  const workerEnv = { ...shared, ANTHROPIC_API_KEY: 'offline-simulator', ANTHROPIC_BASE_URL: simulator.url, CLAUDE_TIMEOUT_MS: '5000', SMTP_URL: mail.smtpUrl, KNOWLEDGE_DIR: 'docs/knowledge', AUTO_SEND_HOURLY_CAP_GLOBAL: '1000' };
  workers = [startWorkerProcess(workerEnv), startWorkerProcess(workerEnv)];
  await Promise.all(workers.map((worker) => worker.ready));
  // Two nodes of one deployment: same secrets, same database and Temporal, nothing else shared.
  const webEnv = { ...shared, AUTH_SECRET: 'scale-out-auth-secret-'.padEnd(48, 'x'), INBOUND_SECRET, CLAUDE_SIMULATOR: 'true', MAILCATCHER_URL: mail.httpUrl };
  webs = [await startWebNode(webEnv), await startWebNode(webEnv)];
}, 600_000);

beforeEach(() => {
  onTestFailed(() => {
    for (const [index, worker] of workers.entries()) console.log(`── worker ${index + 1} (tail)\n${worker.output().slice(-4000)}`);
    for (const [index, web] of webs.entries()) console.log(`── web ${index + 1} (tail)\n${web.output().slice(-4000)}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.allSettled(webs.map((web) => web.stop()));
  await Promise.allSettled(workers.map((worker) => worker.kill('SIGKILL')));
  await db?.$disconnect();
  await Promise.allSettled([temporal?.teardown(), simulator?.close(), mail?.close()]);
  await adminQuery(inject('databaseAdminUrl'), `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('two workers and two web nodes on one PostgreSQL and one Temporal', () => {
  it('settles a burst of mail once each, with no reply sent twice, after one worker is SIGKILLed mid-burst', async () => {
    const [web1, web2] = webs;
    if (!web1 || !web2) throw new Error('web nodes not started');
    // Slow model calls keep work in flight on both workers when one of them dies.
    simulator.configure({ latencyMs: 1_500 });
    const burst = Array.from({ length: 24 }, (_, index) => customerEmail(DEMO_EMAILS[index % DEMO_EMAILS.length] ?? DEMO_EMAILS[0]!, `b${index}`));
    const responses = await Promise.all(burst.map((email, index) => postInbound(index % 2 ? web2 : web1, email, `burst-${index}`)));
    expect(responses.map((response) => response.status)).toEqual(burst.map(() => 202));
    const ids = [...new Set(await Promise.all(responses.map(async (response) => ((await response.json()) as { conversationId: string }).conversationId)))];
    expect(ids).toHaveLength(burst.length);

    await until(() => simulator.stats().receivedByPurpose.draft >= 6, 'drafts in flight');
    const killed = workers[0];
    expect(await killed?.kill('SIGKILL')).toBeNull();
    simulator.configure({ latencyMs: 0 });

    const statuses = await waitUntilSettled(ids, 300_000);
    expect([...statuses.values()].every((status) => SETTLED.has(status))).toBe(true);

    // Once each: one draft per conversation, and at most one email per conversation.
    const drafts = await db.draft.groupBy({ by: ['conversationId'], where: { conversationId: { in: ids } }, _count: true });
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((group) => group._count === 1)).toBe(true);
    const caught = await mail.list();
    const inbound = new Set(burst.map((_, index) => `<scale-burst-${index}@customers.example>`));
    const replies = caught.filter((message) => message.inReplyTo && inbound.has(message.inReplyTo));
    expect(new Set(replies.map((message) => message.inReplyTo)).size).toBe(replies.length);
    const sent = await db.outboundSend.findMany({ where: { conversationId: { in: ids }, status: 'sent' } });
    expect(replies).toHaveLength(sent.length);
    expect([...statuses.values()].filter((status) => status === 'sent')).toHaveLength(sent.length);
    expect(sent.length).toBeGreaterThan(0);
    // The survivor did the killed worker's share.
    expect(workers[1]?.child.exitCode).toBeNull();
  });

  it('shows an agent on node 1, live, a conversation decided through node 2', async () => {
    const [web1, web2] = webs;
    if (!web1 || !web2) throw new Error('web nodes not started');
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page: Page = await context.newPage();
    await page.goto(`${web1.url}/sign-in`);
    await page.fill('input[name=email]', ADMIN.email);
    await page.fill('input[name=password]', ADMIN.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${web1.url}/`);
    await page.goto(`${web1.url}/?queue=needs_approval`);
    // Set on this document only: a reload would clear it.
    await page.evaluate(() => Object.assign(window, { noReload: true }));

    // Risky mail arrives through node 2; the worker's mirror writes reach node 1 by NOTIFY.
    const email = customerEmail(DEMO_EMAILS.find((entry) => entry.key === 'refund-lawyer') ?? DEMO_EMAILS[0]!, `live${(runs += 1)}`);
    const posted = await postInbound(web2, email, `live-${runs}`);
    expect(posted.status).toBe(202);
    const { conversationId } = (await posted.json()) as { conversationId: string };
    const row = page.getByText(email.subject);
    await row.first().waitFor({ timeout: 90_000 });
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.status).toBe('awaiting_approval');
    const draft = await db.draft.findFirstOrThrow({ where: { conversationId }, orderBy: { version: 'desc' } });

    // Decided through node 2's REST API; node 1's page drops it from Needs approval by itself.
    const decided = await fetch(`${web2.url}/api/v1/conversations/${conversationId}/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiToken}` },
      body: JSON.stringify({ action: 'approve', draftVersion: draft.version }),
    });
    expect(decided.status, await decided.clone().text()).toBeLessThan(300);
    await row.first().waitFor({ state: 'detached', timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
    await page.goto(`${web1.url}/?queue=all&q=${encodeURIComponent('lawyer')}`);
    await page.getByText(email.subject).first().waitFor();
    await mail.waitFor((message) => message.inReplyTo === `<scale-live-${runs}@customers.example>`, 60_000);
    await context.close();
  });

  it('answers 40 intake posts, 20 sign-ins and 20 inbox reads at once without a server error', async () => {
    const [web1, web2] = webs;
    if (!web1 || !web2) throw new Error('web nodes not started');
    const reader = await signInCookie(web1, ADMIN.email, ADMIN.password);
    expect(reader.status).toBe(200);
    const node = (index: number) => (index % 2 ? web2 : web1);

    const intake = Array.from({ length: 40 }, (_, index) =>
      postInbound(node(index), customerEmail(DEMO_EMAILS[index % DEMO_EMAILS.length] ?? DEMO_EMAILS[0]!, `load${index}`), `load-${index}`).then((response) => response.status),
    );
    const signIns = Array.from({ length: 20 }, (_, index) => signInCookie(node(index), `agent${index % AGENTS}@scale.example`, AGENT_PASSWORD).then((result) => result.status));
    const reads = Array.from({ length: 20 }, (_, index) =>
      fetch(`${node(index).url}/?queue=all`, { headers: { cookie: reader.cookie } }).then(async (response) => {
        await response.arrayBuffer();
        // A lost session would redirect to the sign-in page: that is not an inbox read.
        return response.url.includes('/sign-in') ? 401 : response.status;
      }),
    );
    const [intakeStatuses, signInStatuses, readStatuses] = await Promise.all([Promise.all(intake), Promise.all(signIns), Promise.all(reads)]);
    expect([...intakeStatuses, ...signInStatuses, ...readStatuses].filter((status) => status >= 500)).toEqual([]);
    expect(intakeStatuses).toEqual(intakeStatuses.map(() => 202));
    expect(signInStatuses).toEqual(signInStatuses.map(() => 200));
    expect(readStatuses).toEqual(readStatuses.map(() => 200));
    expect(await db.message.count({ where: { messageIdHeader: { startsWith: '<scale-load-' } } })).toBe(40);
  });
});
