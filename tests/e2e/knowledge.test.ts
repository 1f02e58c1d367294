import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { createDb } from '../../lib/platform/db/client';
import { launchChromium, signedInContext, stackSecrets } from './support/browser';
import { demoEmail, postAndWait } from './support/demo-mail';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * Knowledge in a real browser against `npm start`: a manager edits an article in the
 * dashboard, the pending draft that cited it is flagged, and the next draft is written from
 * the new version and cites it.
 */
const NEW_FACT = 'reset links now stay valid for 15 minutes';

let stack: RunningStack;
let browser: Browser;
let session: BrowserContext;
let inboundSecret: string;

/** Sends the password question and waits (on the store) until its draft awaits a person. */
const draftedConversation = async () => (await postAndWait(stack, inboundSecret, demoEmail('password-reset'))).conversationId;

async function citedIds(page: Page): Promise<string[]> {
  const cited = page.getByRole('list', { name: 'Cited passages' }).locator('li');
  await cited.first().waitFor({ timeout: 30_000 });
  return cited.evaluateAll((items) => items.map((item) => item.getAttribute('data-passage-id') ?? ''));
}

beforeAll(async () => {
  stack = await startStack();
  const secrets = stackSecrets(stack);
  inboundSecret = secrets.inboundSecret;
  browser = await launchChromium();
  session = await signedInContext(browser, stack.baseUrl, secrets.admin);
});

beforeEach(() => {
  onTestFailed(() => console.log(`── stack output (tail)\n${stack.output().slice(-12_000)}`));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('knowledge', () => {
  it('an article edited in the dashboard flags the draft that cited it and changes the next draft and its citation', async () => {
    const page = await session.newPage();
    // Before: the draft cites the seeded article's first version.
    const before = await draftedConversation();
    await page.goto(`${stack.baseUrl}/conversations/${before}`);
    const citedBefore = await citedIds(page);
    expect(citedBefore.some((id) => id.startsWith('password-reset@v1#'))).toBe(true);
    expect(await page.locator('#draft-editor').inputValue()).not.toContain(NEW_FACT);

    // A manager (the admin) edits the article, with a preview first.
    await page.goto(`${stack.baseUrl}/knowledge/password-reset`);
    const body = `If the password reset email never shows up, check your spam folder and request a new reset link: ${NEW_FACT}.\n\n## Still stuck\n\nReply to us and we will check the address on your account.`;
    await page.getByLabel('Text (Markdown)').fill(body);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByLabel('Preview').getByRole('heading', { name: 'Still stuck' }).waitFor({ timeout: 15_000 });
    await page.getByLabel('What changed (optional)').fill('Links last 15 minutes now');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved as version 2.' }).textContent({ timeout: 15_000 })).resolves.toContain('1 pending draft(s) that cited it were flagged');

    // The pending draft says its knowledge changed.
    await page.goto(`${stack.baseUrl}/conversations/${before}`);
    await page.getByText('Knowledge changed after this draft was written').waitFor({ timeout: 15_000 });

    // After: the next email's draft is written from version 2 and cites it.
    const after = await draftedConversation();
    await page.goto(`${stack.baseUrl}/conversations/${after}`);
    const citedAfter = await citedIds(page);
    expect(citedAfter).toContain('password-reset@v2#1');
    expect(citedAfter.some((id) => id.startsWith('password-reset@v1#'))).toBe(false);
    expect(await page.locator('#draft-editor').inputValue()).toContain(NEW_FACT);

    // The citation links to the version it came from, with what changed.
    await page.getByRole('list', { name: 'Cited passages' }).getByRole('link').first().click();
    await page.waitForURL(/\/knowledge\/password-reset\/versions\/2#/);
    await expect(page.getByLabel('Changes against the previous version').locator('ins').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('15')]));
    await page.close();
  });

  it('imports a help-centre export over 1 MB from the dashboard, all or nothing, and refuses a malformed one with its file, line and reason', async () => {
    const page = await session.newPage();
    const tag = randomUUID().slice(0, 6);
    // A Zendesk Guide export of 600 articles, about 1.6 MB: past the 1 MB a server action takes.
    const articles = Array.from({ length: 600 }, (_, n) => ({
      id: n + 1,
      title: `Bulk ${tag} article ${n + 1}`,
      body: `<h2>Answer</h2><p>${'This is what the help centre says about it. '.repeat(60)}</p>`,
      label_names: [`bulk-${tag}`],
    }));
    const big = Buffer.from(JSON.stringify({ articles }, null, 2));
    expect(big.byteLength).toBeGreaterThan(1.5 * 1024 * 1024);
    const fileInput = page.locator('input[type=file][accept]');

    // Malformed: the same export with one article missing its comma, plus a good Markdown file.
    await page.goto(`${stack.baseUrl}/knowledge/import`);
    const broken = big.toString().replace(`"title": "Bulk ${tag} article 300",`, `"title": "Bulk ${tag} article 300"`);
    await fileInput.setInputFiles([
      { name: 'fine.md', mimeType: 'text/markdown', buffer: Buffer.from(`# Fine ${tag}\n\nWould import alone.`) },
      { name: 'zendesk-broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) },
    ]);
    await page.getByRole('button', { name: 'Import' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await alert.waitFor({ timeout: 60_000 });
    const brokenLine = broken.split('\n').findIndex((line) => line.includes(`"Bulk ${tag} article 300"`)) + 2;
    await expect(alert.textContent()).resolves.toMatch(new RegExp(`zendesk-broken\\.json, line ${brokenLine}: not valid JSON`));
    const db = createDb(stack.databaseUrl);
    try {
      expect(await db.article.count({ where: { title: { contains: tag } } })).toBe(0);

      // Well-formed: every article imported in one go, keywords included.
      await page.goto(`${stack.baseUrl}/knowledge/import`);
      await fileInput.setInputFiles([{ name: 'zendesk.json', mimeType: 'application/json', buffer: big }]);
      await page.getByRole('button', { name: 'Import' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Imported' }).textContent({ timeout: 120_000 })).resolves.toContain('Imported 600 article(s)');
      expect(await db.article.count({ where: { title: { contains: tag } } })).toBe(600);
      const version = await db.articleVersion.findFirstOrThrow({ where: { title: `Bulk ${tag} article 1` } });
      expect(version).toMatchObject({ keywords: [`bulk-${tag}`], authorRole: 'admin' });
    } finally {
      await db.$disconnect();
      await page.close();
    }
  });
});
