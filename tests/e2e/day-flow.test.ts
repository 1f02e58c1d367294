import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { createDb } from '../../lib/platform/db/client';
import { createUser } from '../../lib/features/users/create-user';
import { launchChromium, signedInContext, stackSecrets } from './support/browser';
import { demoEmail, postAndWait } from './support/demo-mail';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * An agent's day in a real browser: a decision moves them to the next conversation in their
 * queue, what they type survives a colleague deciding the same draft live, every send is
 * confirmed the same way, the inbox fits 1024 px, and the conversation page speaks to agents.
 */
const COLLEAGUE = { email: 'colleague@countersign.local', password: `agent-${randomUUID()}` };

let stack: RunningStack;
let browser: Browser;
let agent: BrowserContext;
let colleague: BrowserContext;
/** The needs-approval queue in the inbox's own order, as the agent sees it. */
let queue: string[] = [];
let secret = '';

/** Signed in at 1024 px: the narrowest width the inbox supports. */
const signIn = (email: string, password: string) => signedInContext(browser, stack.baseUrl, { email, password }, { viewport: { width: 1024, height: 900 } });

const idOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? '');

beforeAll(async () => {
  stack = await startStack();
  const { admin, inboundSecret } = stackSecrets(stack);
  secret = inboundSecret;
  const db = createDb(stack.databaseUrl);
  await createUser({ email: COLLEAGUE.email, name: 'Colleague', role: 'agent', password: COLLEAGUE.password, actorId: null }, db);
  await db.$disconnect();
  for (const key of ['shipping-status', 'password-reset', 'shipping-status', 'password-reset']) await postAndWait(stack, inboundSecret, demoEmail(key));
  browser = await launchChromium();
  agent = await signIn(admin.email, admin.password);
  colleague = await signIn(COLLEAGUE.email, COLLEAGUE.password);
  const page = await agent.newPage();
  await page.goto(`${stack.baseUrl}/?queue=needs_approval`);
  queue = await page.locator('[data-inbox-row]').evaluateAll((rows) => rows.map((row) => (row as HTMLAnchorElement).href));
  await page.close();
});

beforeEach(() => {
  onTestFailed(() => console.log(`── stack output (tail)\n${stack.output().slice(-6_000)}`));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('a day’s flow', () => {
  it('shows every queue tab and every status at 1024 px, without scrolling sideways', async () => {
    const page = await agent.newPage();
    await page.goto(`${stack.baseUrl}/?queue=all`);
    await page.locator('[data-inbox-row]').first().waitFor();
    const clipped = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const out: string[] = [];
      for (const tab of document.querySelectorAll('nav[aria-label="Queues"] a')) {
        if (tab.getBoundingClientRect().right > width) out.push(`tab ${tab.textContent}`);
      }
      const list = document.querySelector('ul[aria-label="Conversations"]')?.closest('.overflow-x-auto');
      if (list && list.scrollWidth > list.clientWidth) out.push(`the list scrolls by ${list.scrollWidth - list.clientWidth} px`);
      for (const row of document.querySelectorAll('[data-inbox-row]')) {
        const status = row.lastElementChild?.getBoundingClientRect();
        if (status && status.right > width) out.push(`status of ${row.textContent?.slice(0, 40)}`);
      }
      return out;
    });
    expect(clipped).toEqual([]);
    expect(await page.locator('[data-inbox-row]').count()).toBeGreaterThanOrEqual(4);
    await page.close();
  });

  it('keeps what the agent typed when a colleague approves the same draft live, and says what changed', async () => {
    const [first] = queue;
    if (!first) throw new Error('empty queue');
    const mine = await agent.newPage();
    await mine.goto(first);
    await mine.locator('#draft-editor').waitFor();
    const typed = `\n\nP.S. I have also checked your order myself. ${randomUUID().slice(0, 8)}`;
    await mine.locator('#draft-editor').click();
    await mine.keyboard.press('Control+End');
    await mine.keyboard.type(typed);
    await mine.getByText('Live', { exact: true }).waitFor();

    const theirs = await colleague.newPage();
    await theirs.goto(`${stack.baseUrl}/conversations/${idOf(first)}`);
    // The colleague is warned first that someone is writing (collision detection), and goes ahead.
    await theirs.getByRole('alert').filter({ hasText: 'is writing a reply' }).waitFor({ timeout: 30_000 });
    await theirs.getByRole('button', { name: 'Write anyway' }).first().click();
    await theirs.getByRole('button', { name: /Approve & send/ }).click();
    await theirs.getByRole('button', { name: /Press again to send to/ }).click();
    await theirs.getByText('Approved. The reply is being sent.').waitFor({ timeout: 30_000 });

    // The page refreshed by itself: the editor is gone, the text is not.
    const kept = mine.getByTestId('kept-text');
    await kept.waitFor({ timeout: 30_000 });
    await expect(kept.textContent()).resolves.toMatch(/changed while you were editing.*(Approved|sent to the customer)/);
    await expect(kept.getByRole('textbox').inputValue()).resolves.toContain(typed.trim());
    await expect(mine.locator('#draft-editor').count()).resolves.toBe(0);
    // It can become the agent's own reply.
    await kept.getByRole('button', { name: 'Use in your own reply' }).click();
    await expect(mine.locator('#reply-composer').inputValue()).resolves.toContain(typed.trim());
    await Promise.all([mine.close(), theirs.close()]);
  });

  it('moves on to the next conversation in the queue after a decision, saying what was done', async () => {
    const [, second] = queue;
    if (!second) throw new Error('the queue is too short');
    const page = await agent.newPage();
    await page.goto(second);
    await page.locator('#draft-editor').waitFor();
    // The next one in the queue the agent came from, as the page's own j link says.
    const next = await page.getByRole('link', { name: /Next/ }).getAttribute('href');
    expect(next).toMatch(/^\/conversations\//);
    expect(queue.map((href) => idOf(href))).toContain(idOf(`${stack.baseUrl}${next}`));
    // The key confirms like the button: the first press names the recipient, the second sends.
    await page.locator('h1').click();
    await page.keyboard.press('a');
    await page.getByRole('button', { name: /Press again to send to .+@/ }).waitFor();
    await page.keyboard.press('a');
    // A client-side move: poll the address rather than wait for a page load.
    await expect.poll(() => idOf(page.url()), { timeout: 30_000 }).toBe(idOf(`${stack.baseUrl}${next}`));
    const flash = page.getByTestId('decision-flash');
    await expect(flash.textContent()).resolves.toContain('Approved. The reply is being sent.');
    await page.locator('#draft-editor').waitFor();
    // The way back leads to the one just decided.
    await expect(flash.getByRole('link', { name: 'Back to it' }).getAttribute('href')).resolves.toBe(`/conversations/${encodeURIComponent(idOf(second))}`);
    await page.close();
  });

  it('speaks to agents on the conversation page, not to developers', async () => {
    const page = await agent.newPage();
    await page.goto(queue[0] ?? '');
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/MAIL_FROM|SMTP_URL|JSON intake|Temporal|VERIFIED_SENDER_ALLOW|\w\(s\)/);
    await page.close();
  });

  it('keeps the agent’s unsent reply when the box is closed and the page reloaded, until it is sent', async () => {
    const { conversationId } = await postAndWait(stack, secret, demoEmail('shipping-status'));
    const page = await agent.newPage();
    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.getByRole('button', { name: 'Write your own reply…' }).click();
    const words = `Our own words, not sent yet ${randomUUID().slice(0, 8)}.`;
    await page.locator('#reply-composer').fill(words);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Continue your unsent reply…' }).click();
    await expect(page.locator('#reply-composer').inputValue()).resolves.toBe(words);
    // Sent (confirmed with the second press): the kept copy is gone.
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('button', { name: /Press again to send to/ }).click();
    // The tab's storage outlives the move to the next conversation; a navigation mid-poll just retries.
    await expect.poll(() => page.evaluate((id) => sessionStorage.getItem(`countersign:unsent-reply:${id}`), conversationId), { timeout: 30_000 }).toBeNull();
    await page.close();
  });
});
