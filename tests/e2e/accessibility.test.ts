import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { createDb } from '../../lib/platform/db/client';
import { discoverAppRoutes } from './support/app-routes';
import { axeViolations, describeViolations } from './support/axe';
import { launchChromium, signedInContext, stackSecrets } from './support/browser';
import { waitForStatus } from './support/conversation-status';
import { demoEmail, postAndWait } from './support/demo-mail';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * axe-core (WCAG 2 A and AA) in Chromium on every page under app/, at 1024 px and at a
 * desk's width: 0 violations. Pages join by existing (tests/e2e/support/app-routes.ts); a
 * page with a dynamic segment needs a sample below, or this test fails and says so.
 */
const WIDTHS = [1024, 1440];

let stack: RunningStack;
let browser: Browser;
let admin: BrowserContext;
/** Concrete URLs for each page file with a dynamic segment, filled in beforeAll. */
const samples = new Map<string, string[]>();

/** Posts a demo email and waits until its conversation reaches `status`. */
const conversationIn = async (status: string, key: string, secret: string) => (await postAndWait(stack, secret, demoEmail(key), status)).conversationId;

beforeAll(async () => {
  stack = await startStack();
  const stored = stackSecrets(stack);
  browser = await launchChromium();
  admin = await signedInContext(browser, stack.baseUrl, stored.admin, { viewport: { width: 1440, height: 900 } });
  const page = await admin.newPage();

  // A conversation in each state an agent meets: a draft to decide, Claude refused (compose), sent.
  const secret = stored.inboundSecret;
  const awaiting = await conversationIn('awaiting_approval', 'shipping-status', secret);
  const sent = await conversationIn('awaiting_approval', 'password-reset', secret);
  await fetch(`${stack.claudeUrl}/__simulator/faults`, { method: 'POST', body: JSON.stringify({ rules: [{ purpose: 'draft', fault: 'refusal', times: 1 }] }) });
  const needsPerson = await conversationIn('needs_person', 'chargeback', secret);
  await page.goto(`${stack.baseUrl}/conversations/${sent}`);
  await page.getByRole('button', { name: /Approve & send/ }).click();
  // Every send is confirmed: the second press names the recipient.
  await page.getByRole('button', { name: /Press again to send to/ }).click();
  await waitForStatus(stack, sent, (status) => status === 'sent', 'sent');
  const db = createDb(stack.databaseUrl);
  try {
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
