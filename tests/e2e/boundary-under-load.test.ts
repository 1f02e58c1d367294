import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { readStoredSecrets } from '../../devstack/secrets';
import { DEFAULT_ADMIN_EMAIL } from '../../devstack/stack-plan';
import { signInboundBody } from '../../lib/features/intake/channels/api/verify-sender-system';
import { createUser } from '../../lib/features/users/create-user';
import { createDb, type Db } from '../../lib/platform/db/client';
import { CHARSET_MAIL } from '../fixtures/legacy-charset-mail';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * `npm start` as an operator runs it, hit the way a busy morning does: the inbound relay,
 * agents signing in and the inbox being read, all at once while the worker writes to the
 * same SQLite file. Nothing may fail because someone else was writing.
 */
let stack: RunningStack;
let db: Db;
let secrets: { inbound: string; adminPassword: string };
const AGENT_PASSWORD = `agent-${randomUUID()}`;
const AGENTS = 20;

function signIn(email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${stack.baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.baseUrl, ...headers },
    body: JSON.stringify({ email, password }),
  });
}

beforeAll(async () => {
  stack = await startStack();
  const stored = readStoredSecrets(stack.dataDir);
  if (!stored.INBOUND_SECRET || !stored.ADMIN_PASSWORD) throw new Error(`no generated secrets in ${stack.dataDir}`);
  secrets = { inbound: stored.INBOUND_SECRET, adminPassword: stored.ADMIN_PASSWORD };
  db = createDb(stack.databaseUrl);
  for (let index = 0; index < AGENTS; index += 1) {
    await createUser({ email: `agent${index}@countersign.local`, name: `Agent ${index}`, role: 'agent', password: AGENT_PASSWORD, actorId: null }, db);
  }
  await createUser({ email: 'target@countersign.local', name: 'Target', role: 'agent', password: AGENT_PASSWORD, actorId: null }, db);
});

beforeEach(() => {
  onTestFailed(() => console.log(`── stack output (tail)\n${stack.output().slice(-12_000)}`));
});

afterAll(async () => {
  await db?.$disconnect();
  await stack?.stop();
});

interface Intake {
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

function intakePost(index: number, runId: string): Intake {
  const bearer = { authorization: `Bearer ${secrets.inbound}` };
  const charset = CHARSET_MAIL[index % CHARSET_MAIL.length]!;
  if (index % 2 === 0) {
    const body = charset.bytes(`<load-${runId}-${index}@customers.example>`);
    const auth = index % 4 === 0 ? signInboundBody(body, secrets.inbound) : bearer;
    return { body, headers: { 'content-type': 'message/rfc822', ...auth } };
  }
  const json = {
    from: `Customer ${index} <customer${index}@customers.example>`,
    to: 'support@countersign.local',
    subject: `Delivery question ${runId}-${index}`,
    text: 'Hello, when will my parcel arrive? Thank you.',
    messageId: `<load-${runId}-${index}@customers.example>`,
  };
  const body = new Uint8Array(Buffer.from(JSON.stringify(json)));
  return { body, headers: { 'content-type': 'application/json', ...(index % 3 === 0 ? signInboundBody(body, secrets.inbound) : bearer) } };
}

describe('the running stack under concurrent load', () => {
  it('answers 40 intake posts, 20 sign-ins and 20 inbox reads at once without a single 5xx, and keeps every byte', async () => {
    const admin = await signIn(DEFAULT_ADMIN_EMAIL, secrets.adminPassword);
    expect(admin.status).toBe(200);
    const cookie = admin.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
    const runId = randomUUID().slice(0, 8);
    const posts = Array.from({ length: 40 }, (_, index) => intakePost(index, runId));

    const timed = async (kind: string, call: () => Promise<Response>) => {
      const response = await call();
      const text = await response.text();
      return { kind, status: response.status, text };
    };
    const results = await Promise.all([
      ...posts.map((post) => timed('intake', () => fetch(`${stack.baseUrl}/api/inbound`, { method: 'POST', headers: post.headers, body: post.body }))),
      ...Array.from({ length: AGENTS }, (_, index) => timed('sign-in', () => signIn(`agent${index}@countersign.local`, AGENT_PASSWORD))),
      ...Array.from({ length: 20 }, () => timed('inbox', () => fetch(`${stack.baseUrl}/`, { headers: { cookie }, redirect: 'manual' }))),
    ]);

    const failures = results.filter((result) => result.status >= 500);
    expect(failures.map((result) => `${result.kind} ${result.status}: ${result.text.slice(0, 200)}`)).toEqual([]);
    expect(results.filter((result) => result.kind === 'intake').map((result) => result.status)).toEqual(Array(40).fill(202));
    expect(results.filter((result) => result.kind === 'sign-in').map((result) => result.status)).toEqual(Array(AGENTS).fill(200));
    expect(results.filter((result) => result.kind === 'inbox').map((result) => result.status)).toEqual(Array(20).fill(200));

    // Raw mail went through Next's route handler as bytes: stored exactly as sent, decoded
    // for people, and readable on the conversation page the web app renders.
    const stored = results
      .filter((result) => result.kind === 'intake')
      .map((result) => JSON.parse(result.text) as { messageId: string; conversationId: string });
    for (const [index, post] of posts.entries()) {
      if (index % 2 !== 0) continue;
      const charset = CHARSET_MAIL[index % CHARSET_MAIL.length]!;
      const message = await db.message.findUniqueOrThrow({ where: { id: stored[index]?.messageId ?? '' } });
      expect(Buffer.from(message.rawMime ?? []).equals(Buffer.from(post.body)), `post ${index}`).toBe(true);
      expect(message.textBody?.trim(), charset.key).toBe(charset.expectedText);
      if (charset.expectedName) expect(message.fromName, charset.key).toBe(charset.expectedName);
      if (index < CHARSET_MAIL.length * 2) {
        const page = await fetch(`${stack.baseUrl}/conversations/${stored[index]?.conversationId}`, { headers: { cookie } });
        expect(page.status).toBe(200);
        expect(await page.text(), charset.key).toContain(charset.expectedText.replaceAll('"', '&quot;'));
      }
    }
  });

  it('listens on loopback only, keeps its data owner-only, and believes no forwarded address', async () => {
    expect(stack.output()).toMatch(/web: listening on http:\/\/127\.0\.0\.1:\d+/);
    const port = Number(new URL(stack.baseUrl).port);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
    if (external) {
      const reachable = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: external.address, port });
        socket.once('connect', () => resolve(true));
        socket.once('error', () => resolve(false));
        socket.setTimeout(2_000, () => resolve(false));
      }).finally(() => undefined);
      expect(reachable, `web app reachable on ${external.address}:${port}`).toBe(false);
    }
    expect(statSync(path.join(stack.dataDir, 'secrets.env')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(stack.dataDir, 'mail')).mode & 0o777).toBe(0o700);

    // Every guess claims a new address; all of them come from this machine, so they count as one.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await signIn('target@countersign.local', 'not the password', { 'x-forwarded-for': `10.0.${attempt}.1` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
