import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { DEMO_EMAILS } from '../../devstack/demo-emails';
import { readStoredSecrets } from '../../devstack/secrets';
import { DEFAULT_ADMIN_EMAIL } from '../../devstack/stack-plan';
import { sendDemoEmail } from '../../devstack/send-demo-email';
import { createDb } from '../../lib/platform/db/client';
import { discoverAppRoutes } from './support/app-routes';
import { axeViolations, describeViolations } from './support/axe';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * axe-core (WCAG 2 A and AA) in Chromium on every page under app/, at 1024 px and at a
 * desk's width: 0 violations. Pages join by existing (tests/e2e/support/app-routes.ts); a
 * page with a dynamic segment needs a sample below, or this test fails and says so.
 */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WIDTHS = [1024, 1440];
const WORKFLOW_MS = 90_000;

let stack: RunningStack;
let browser: Browser;
let admin: BrowserContext;
/** Concrete URLs for each page file with a dynamic segment, filled in beforeAll. */
const samples = new Map<string, string[]>();

function demo(key: string) {
  const found = DEMO_EMAILS.find((entry) => entry.key === key);
  if (!found) throw new Error(`no demo email ${key}`);
  const tag = randomUUID().slice(0, 6).replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)] ?? 'q');
  return { ...found, subject: `${found.subject} [${tag}]` };
}

async function conversationIn(status: string, key: string, secret: string): Promise<string> {
  const { conversationId } = await sendDemoEmail(demo(key), 0, { baseUrl: stack.baseUrl, secret, runId: randomUUID().slice(0, 8) });
  const db = createDb(stack.databaseUrl);
  try {
    const deadline = Date.now() + WORKFLOW_MS;
    for (;;) {
      const row = await db.conversation.findUnique({ where: { id: conversationId }, select: { status: true } });
      if (row?.status === status) return conversationId;
      if (Date.now() > deadline) throw new Error(`${conversationId} never reached ${status}: ${JSON.stringify(row)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await db.$disconnect();
  }
}

beforeAll(async () => {
  stack = await startStack();
  const stored = readStoredSecrets(stack.dataDir);
  if (!stored.INBOUND_SECRET || !stored.ADMIN_PASSWORD) throw new Error(`no generated secrets in ${stack.dataDir}`);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  admin = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await admin.newPage();
  await page.goto(`${stack.baseUrl}/sign-in`);
  await page.fill('input[name=email]', DEFAULT_ADMIN_EMAIL);
  await page.fill('input[name=password]', stored.ADMIN_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(`${stack.baseUrl}/`);

  // A conversation in each state an agent meets: a draft to decide, Claude refused (compose), sent.
  const secret = stored.INBOUND_SECRET;
  const awaiting = await conversationIn('awaiting_approval', 'shipping-status', secret);
  const sent = await conversationIn('awaiting_approval', 'password-reset', secret);
  await fetch(`${stack.claudeUrl}/__simulator/faults`, { method: 'POST', body: JSON.stringify({ rules: [{ purpose: 'draft', fault: 'refusal', times: 1 }] }) });
  const needsPerson = await conversationIn('needs_person', 'chargeback', secret);
  await page.goto(`${stack.baseUrl}/conversations/${sent}`);
  await page.getByRole('button', { name: /Approve & send/ }).click();
  // Every send is confirmed: the second press names the recipient.
  await page.getByRole('button', { name: /Press again to send to/ }).click();
  const db = createDb(stack.databaseUrl);
  try {
    const deadline = Date.now() + WORKFLOW_MS;
    while ((await db.conversation.findUnique({ where: { id: sent }, select: { status: true } }))?.status !== 'sent') {
      if (Date.now() > deadline) throw new Error(`${sent} was never sent`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const article = await db.article.findFirst({ orderBy: { slug: 'asc' }, select: { slug: true, currentVersion: true } });
    if (!article) throw new Error('no knowledge article was seeded');
    samples.set('knowledge/[slug]/page.tsx', [`/knowledge/${article.slug}`]);
    samples.set('knowledge/[slug]/versions/[version]/page.tsx', [`/knowledge/${article.slug}/versions/${article.currentVersion}`]);
  } finally {
    await db.$disconnect();
  }
  samples.set('conversations/[id]/page.tsx', [awaiting, needsPerson, sent].map((id) => `/conversations/${id}`));
  await page.goto(`${stack.baseUrl}/outbox`);
  const caught = await page.locator('a[href^="/outbox/"]').first().getAttribute('href');
  if (!caught) throw new Error('the outbox lists no caught reply');
  samples.set('outbox/[id]/page.tsx', [caught]);
  await page.close();
});

beforeEach(() => {
  onTestFailed(() => console.log(`── stack output (tail)\n${stack.output().slice(-6_000)}`));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const pages = discoverAppRoutes(path.resolve(import.meta.dirname, '../../app')).filter((route) => route.kind === 'page');

function urlsOf(route: { path: string; file: string }): string[] {
  if (!route.path.includes('sweep')) return [route.path];
  const found = samples.get(route.file);
  if (!found) throw new Error(`${route.file} has a dynamic segment: give it a sample URL in tests/e2e/accessibility.test.ts`);
  return found;
}

/** What is wrong with one URL at one width, in lines a person can act on; empty when nothing is. */
async function problems(page: Page, url: string, width: number): Promise<string[]> {
  await page.setViewportSize({ width, height: 900 });
  const response = await page.goto(`${stack.baseUrl}${url}`);
  if (response?.status() !== 200) return [`${url} at ${width} px answered ${response?.status()}`];
  await page.waitForLoadState('networkidle');
  const found: string[] = [];
  const violations = await axeViolations(page);
  if (violations.length > 0) found.push(`${url} at ${width} px:\n${describeViolations(violations)}`);
  // Nothing pushes the page sideways at this width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) found.push(`${url} at ${width} px scrolls sideways by ${overflow} px`);
  return found;
}

describe('accessibility (axe-core, WCAG 2 A/AA)', () => {
  it('covers the pages it is meant to', () => {
    expect(pages.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/', '/conversations/sweep-id', '/outbox', '/overview', '/knowledge', '/settings', '/admin/users', '/account/security', '/sign-in']),
    );
  });

  it.each(WIDTHS)('the sign-in page has no violations at %i px', async (width) => {
    const context = await browser.newContext();
    try {
      expect(await problems(await context.newPage(), '/sign-in', width)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(pages.filter((route) => route.path !== '/sign-in').flatMap((route) => WIDTHS.map((width) => [route.file, width] as const)))(
    '%s has no violations at %i px',
    async (file, width) => {
      const route = pages.find((entry) => entry.file === file);
      if (!route) throw new Error(file);
      const page = await admin.newPage();
      try {
        const found: string[] = [];
        for (const url of urlsOf(route)) found.push(...(await problems(page, url, width)));
        expect(found.join('\n\n')).toBe('');
      } finally {
        await page.close();
      }
    },
  );
});
