import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { DEMO_EMAILS, type DemoEmail } from '../../devstack/demo-emails';
import { readStoredSecrets } from '../../devstack/secrets';
import { DEFAULT_ADMIN_EMAIL } from '../../devstack/stack-plan';
import { sendDemoEmail } from '../../devstack/send-demo-email';
import { createDb } from '../../lib/platform/db/client';
import { caughtMail } from './support/caught-mail';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * A live A/B test of drafts in a real browser against `npm start`: a manager turns one on for
 * the orders category in Settings (an unknown model is refused by name); a shipping question is
 * drafted by both variants; the agent sees them side by side, picks variant B and sends it; the
 * reply reaches SMTP once with B's text, and the overview counts the pick for B.
 */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WORKFLOW_MS = 90_000;

let stack: RunningStack;
let browser: Browser;
let session: BrowserContext;
let inboundSecret: string;

function shippingMail(): DemoEmail {
  const found = DEMO_EMAILS.find((entry) => entry.key === 'shipping-status');
  if (!found) throw new Error('no shipping-status demo email');
  const tag = randomUUID().slice(0, 6).replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)] ?? 'q');
  return { ...found, subject: `${found.subject} [${tag}]` };
}

async function poll<T>(read: () => Promise<T | undefined | null>, what: string): Promise<T> {
  const deadline = Date.now() + WORKFLOW_MS;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  stack = await startStack();
  const stored = readStoredSecrets(stack.dataDir);
  if (!stored.INBOUND_SECRET || !stored.ADMIN_PASSWORD) throw new Error(`no generated secrets in ${stack.dataDir}`);
  inboundSecret = stored.INBOUND_SECRET;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  session = await browser.newContext({ viewport: { width: 1400, height: 1100 } });
  const page = await session.newPage();
  await page.goto(`${stack.baseUrl}/sign-in`);
  await page.fill('input[name=email]', DEFAULT_ADMIN_EMAIL);
  await page.fill('input[name=password]', stored.ADMIN_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(`${stack.baseUrl}/`);
  await page.close();
});

beforeEach(() => {
  onTestFailed(() => console.log(`── stack output (tail)\n${stack.output().slice(-12_000)}`));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('a live A/B test of drafts', () => {
  const mail = shippingMail();
  let conversationId = '';

  it('a manager turns it on for a category; an unknown model is refused by name', async () => {
    const page = await session.newPage();
    await page.goto(`${stack.baseUrl}/settings`);
    const form = page.getByRole('form', { name: 'A/B test of drafts' });
    await form.getByLabel('Category').selectOption('orders');
    await form.getByLabel('Variant A prompt version').fill('3');
    await form.getByLabel('Variant B model').fill('claude-made-up-9');
    await form.getByRole('button', { name: 'Save A/B test' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toContain('Unknown model "claude-made-up-9"');

    await form.getByLabel('Variant B model').fill('claude-haiku-4-5');
    await form.getByRole('button', { name: 'Save A/B test' }).click();
    await form.getByRole('status').waitFor({ timeout: 15_000 });
    await expect(page.getByRole('list', { name: 'A/B tests' }).textContent()).resolves.toContain('orders: on · A prompt version 3 · B model claude-haiku-4-5');
    await page.close();
  });

  it('shows both variants side by side; the agent picks B, and B is sent once', async () => {
    ({ conversationId } = await sendDemoEmail(mail, 0, { baseUrl: stack.baseUrl, secret: inboundSecret, runId: randomUUID().slice(0, 8) }));
    const db = createDb(stack.databaseUrl);
    try {
      await poll(async () => (await db.conversation.findUnique({ where: { id: conversationId } }))?.status === 'awaiting_approval', 'the A/B draft to await approval');
      const sides = await db.draftVariant.findMany({ where: { conversationId }, orderBy: { label: 'asc' } });
      expect(sides.map((side) => [side.label, side.status, side.category])).toEqual([
        ['A', 'ok', 'orders'],
        ['B', 'ok', 'orders'],
      ]);
      expect(sides[1]?.model).toMatch(/^claude-haiku-4-5/);

      const page = await session.newPage();
      await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
      const variants = page.getByRole('region', { name: 'A/B variants' });
      await variants.getByRole('article', { name: 'Variant B' }).waitFor({ timeout: 30_000 });
      await expect(variants.getByRole('article', { name: 'Variant B' }).textContent()).resolves.toContain('claude-haiku-4-5');
      // The routing says why it waits: an A/B draft is never sent automatically.
      await expect(page.getByText(/A\/B test: an agent picks one of two variants/).first().isVisible()).resolves.toBe(true);
      await variants.getByRole('button', { name: 'Use variant B' }).click();
      await variants.getByRole('button', { name: 'Variant B in the editor' }).waitFor();
      const draft = page.locator('section[aria-labelledby=draft-heading]');
      await expect(draft.locator('#draft-editor').inputValue()).resolves.toBe(sides[1]?.body);
      await draft.getByRole('button', { name: /^Approve & send/ }).click();
      await draft.getByRole('button', { name: /Press again to send to/ }).click();

      await poll(() => db.outboundSend.findFirst({ where: { conversationId, status: 'sent' } }), 'the reply to be sent');
      const mails = await caughtMail(stack.mailUrl, mail.subject);
      expect(mails).toHaveLength(1);
      const picked = await db.draftVariant.findMany({ where: { conversationId }, orderBy: { label: 'asc' } });
      expect(picked.map((side) => [side.label, side.picked, side.editSize])).toEqual([
        ['A', false, null],
        ['B', true, 0],
      ]);
      const sent = await db.draft.findFirstOrThrow({ where: { conversationId, version: 1 } });
      expect([sent.finalBody, sent.model]).toEqual([sides[1]?.body, sides[1]?.model]);
      await page.close();
    } finally {
      await db.$disconnect();
    }
  });

  it('the overview counts the pick for variant B', async () => {
    const page = await session.newPage();
    await page.goto(`${stack.baseUrl}/overview`);
    const table = page.getByRole('table', { name: 'A/B tests of drafts' });
    const cells = async (label: string) => (await page.getByTestId(`ab-orders-${label}`).locator('td').allTextContents()).slice(0, 4);
    await table.waitFor({ timeout: 15_000 });
    await expect(cells('B')).resolves.toEqual(['B', '1', '100%', '0 ch']);
    await expect(cells('A')).resolves.toEqual(['A', '0', '0%', '—']);
    await expect(table.textContent()).resolves.toContain('Not enough picks yet (1 of 20).');
    await page.close();
  });
});
