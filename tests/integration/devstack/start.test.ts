import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/platform/db/client';
import { parseEnv } from '@/lib/platform/config/env';
import { DEMO_EMAILS } from '@/devstack/demo-emails';
import { isPortInUse } from '@/devstack/ports';
import { readStoredSecrets } from '@/devstack/secrets';
import { sendDemoEmail } from '@/devstack/send-demo-email';
import { readStackFile, type StackFile } from '../../support/stack-file';
import { processesWithEnv, startStack, waitForOutput, type StackProcess } from './stack-process';

// The real `npm start` in a throwaway DATA_DIR on ports it chooses (0 everywhere): an embedded
// PostgreSQL created in DATA_DIR/postgres, up, healthy, mail in, Ctrl-C, nothing left
// running, up again with the same data. The first start may run `next build`
// (1-3 minutes on 2 cores); the second reuses it unless sources changed in between
// (tests/unit/devstack/web-build.test.ts covers that decision).
const READY = 'Countersign is running';
const STARTUP_MS = 480_000;

const dataDir = mkdtempSync(path.join(tmpdir(), 'countersign-start-'));
const PORT_VARIABLES = ['PORT', 'EMBEDDED_POSTGRES_PORT', 'TEMPORAL_DEV_PORT', 'TEMPORAL_DEV_UI_PORT', 'CLAUDE_SIMULATOR_PORT', 'MAILCATCHER_SMTP_PORT', 'MAILCATCHER_HTTP_PORT'];
/** Where the running stack listens, from its stack.json. */
let running: StackFile;
let env: Record<string, string | undefined>;
let stack: StackProcess | undefined;

async function healthy(): Promise<{ status: number; body: Record<string, { ok?: boolean }> }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await fetch(`${running.webUrl}/api/health`);
    const body = (await response.json()) as Record<string, { ok?: boolean }>;
    if (response.status === 200 || Date.now() > deadline) return { status: response.status, body };
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function stop(signal: NodeJS.Signals): Promise<number | null> {
  const running = stack;
  if (!running) return null;
  running.child.kill(signal);
  const code = await running.exited;
  stack = undefined;
  return code;
}

beforeAll(async () => {
  // A user's shell, not vitest's: no NODE_ENV=test or VITEST_* leaking into next build and the worker.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
  );
  env = {
    ...inherited,
    ...Object.fromEntries(PORT_VARIABLES.map((name) => [name, '0'])),
    DATA_DIR: dataDir,
    // Empty means "use the default" and keeps a developer's .env from pointing us elsewhere.
    DATABASE_URL: '',
    TEMPORAL_ADDRESS: '',
    ANTHROPIC_API_KEY: '',
    ANTHROPIC_BASE_URL: '',
    SMTP_URL: '',
    MAILCATCHER_URL: '',
    MAILCATCHER_DIR: '',
    INBOUND_SECRET: '',
    AUTH_SECRET: '',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    APP_URL: '',
    TEMPORAL_UI_URL: '',
  };
});

afterAll(async () => {
  if (stack) {
    stack.child.kill('SIGTERM');
    await Promise.race([stack.exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
    stack.child.kill('SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  let conversationId = '';

  it('brings the whole stack up healthy on ports it chose, says where, with the simulator labelled', async () => {
    stack = startStack(env);
    await waitForOutput(stack, READY, STARTUP_MS);
    running = stackFile();
    const output = stack.output();
    expect(output).toContain('Claude: OFFLINE SIMULATOR (set ANTHROPIC_API_KEY to use the real API)');
    expect(output).toContain(running.webUrl);
    expect(output).toContain(running.temporalUiUrl);
    expect(output).toContain(`http://localhost:${new URL(running.mailUrl ?? '').port}`);
    expect(new URL(running.webUrl).port).not.toBe('0');
    expect(output).toContain('npm run demo');
    expect(output).toContain('Sign in      admin@countersign.local');
    // The embedded database: where it listens is public, its password only in secrets.env.
    const password = readStoredSecrets(dataDir).POSTGRES_PASSWORD ?? '';
    expect(password.length).toBeGreaterThan(20);
    expect(new URL(running.databaseUrl).password).toBe('');
    expect(readFileSync(path.join(dataDir, 'stack.json'), 'utf8')).not.toContain(password);
    expect(output).not.toContain(password);
    expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

    const health = await healthy();
    expect(health.status, JSON.stringify(health.body)).toBe(200);
    expect(health.body).toMatchObject({ database: { ok: true }, temporal: { ok: true }, worker: { ok: true }, simulator: true });
    // The worker runs with its V8 bounds (WORKER_HEAP_MB, WORKER_SEMI_SPACE_MB), for both isolates.
    const defaults = parseEnv({});
    const worker = processesWithEnv(`DATA_DIR=${dataDir}`).find((line) => line.includes('.build/worker.mjs'));
    expect(worker).toContain(`--max-old-space-size=${defaults.WORKER_HEAP_MB} --max-semi-space-size=${defaults.WORKER_SEMI_SPACE_MB} `);
  });

  it('accepts mail through the intake with the generated secret and starts its workflow', async () => {
    const secret = readStoredSecrets(dataDir).INBOUND_SECRET;
    expect(secret).toBeTruthy();
    const email = DEMO_EMAILS[0];
    if (!email || !secret) throw new Error('no demo email or secret');
    const result = await sendDemoEmail(email, 0, { baseUrl: running.webUrl, secret });
    conversationId = result.conversationId;
    expect(result.duplicate).toBe(false);
    await expect.poll(() => describeWorkflow(conversationId), { timeout: 60_000, interval: 1_000 }).toBe(true);
  });

  it('stops every process on Ctrl-C and frees every port', async () => {
    expect(await stop('SIGINT')).toBe(0);
    const urls = [running.webUrl, running.databaseUrl, running.temporalUiUrl, `tcp://${running.temporalAddress}`, running.claudeBaseUrl, running.mailUrl, running.smtpUrl];
    for (const url of urls) {
      const port = Number(new URL(url ?? '').port);
      expect(await isPortInUse(port), `${url} still in use`).toBe(false);
    }
    expect(processesWithEnv(`DATA_DIR=${dataDir}`)).toEqual([]);
  });

  it('starts again with the data where it left it', async () => {
    const secretsBefore = readFileSync(path.join(dataDir, 'secrets.env'), 'utf8');
    stack = startStack(env);
    await waitForOutput(stack, READY, STARTUP_MS);
    running = stackFile();
    expect(stack.output()).not.toContain('npm run demo');
    expect(readFileSync(path.join(dataDir, 'secrets.env'), 'utf8')).toBe(secretsBefore);

    const url = new URL(running.databaseUrl);
    url.password = readStoredSecrets(dataDir).POSTGRES_PASSWORD ?? '';
    const db = createDb(url.toString());
    try {
      expect(await db.conversation.findUnique({ where: { id: conversationId } })).not.toBeNull();
    } finally {
      await db.$disconnect();
    }
    expect(await describeWorkflow(conversationId)).toBe(true);
    expect((await healthy()).status).toBe(200);
    expect(await stop('SIGTERM')).toBe(0);
    expect(processesWithEnv(`DATA_DIR=${dataDir}`)).toEqual([]);
  });
});

/** Whether Temporal (the dev server of this stack) knows a workflow with this id. */
async function describeWorkflow(workflowId: string): Promise<boolean> {
  const connection = await Connection.connect({ address: running.temporalAddress });
  try {
    await new Client({ connection }).workflow.getHandle(workflowId).describe();
    return true;
  } catch {
    return false;
  } finally {
    await connection.close();
  }
}

function stackFile(): StackFile {
  const file = readStackFile(dataDir);
  if (!file) throw new Error('the stack said it is running but wrote no stack.json');
  return file;
}
