import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import type { DemoEmail } from '../../devstack/demo-emails';
import { launchChromium, signedInContext, stackSecrets } from './support/browser';
import { caughtMail } from './support/caught-mail';
import { statusOf as storedStatus, waitForStatus as waitForStored } from './support/conversation-status';
import { demoEmail as email, letterTag as letters, postAndWait } from './support/demo-mail';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * A support day's lifecycle in a real browser against `npm start`: an agent's send undone in
 * its window (nothing reaches the mail catcher), a snooze the customer's reply wakes, and a bulk
 * close from the inbox keyboard.
 */
let stack: RunningStack;
let browser: Browser;
let session: BrowserContext;
let inboundSecret: string;

const statusOf = (conversationId: string) => storedStatus(stack, conversationId);
const waitForStatus = (conversationId: string, wanted: (status: string | undefined) => boolean, what: string) =>
  waitForStored(stack, conversationId, wanted, what);

/** Posts a customer email; resolves once its draft waits for a person. */
const awaitingApproval = (mail: DemoEmail, runId?: string) => postAndWait(stack, inboundSecret, mail, 'awaiting_approval', runId);

async function openConversation(conversationId: string): Promise<Page> {
  const page = await session.newPage();
  await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
  await page.locator('#draft-editor').waitFor({ timeout: 30_000 });
  return page;
}

async function reject(conversationId: string): Promise<void> {
  const page = await openConversation(conversationId);
  await page.getByRole('button', { name: /Reject/ }).click();
  await page.getByLabel(/Why reject this draft/).fill('Billing will call the customer.');
  await page.getByRole('button', { name: 'Reject draft' }).click();
  await waitForStatus(conversationId, (status) => status === 'rejected', 'rejected');
  await page.close();
}

beforeAll(async () => {
  // JSON intake carries no DMARC result: vouch for the demo senders, so a reply joins its thread.
  stack = await startStack({ env: { VERIFIED_SENDER_ALLOW: '*' } });
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

describe('lifecycle in the dashboard', () => {
  it('undoes an agent’s approval within its window: nothing reaches SMTP, the edited text comes back', async () => {
    const mail = email('chargeback');
    const { conversationId } = await awaitingApproval(mail);
    const page = await openConversation(conversationId);
    await page.locator('#draft-editor').fill('Our own words, kept after the undo.');
    await page.getByRole('button', { name: 'Approve edited & send' }).click();
    await page.getByRole('button', { name: /Press again to send to/ }).click();
    // The agent may have moved on to the next conversation: the Undo goes with them.
    await page.getByRole('button', { name: 'Undo' }).click({ timeout: 30_000 });
    await page.waitForURL(`**/conversations/${conversationId}`, { timeout: 30_000 });
    await page.getByText(/undid the send of v1/).waitFor({ timeout: 30_000 });
    await page.locator('#draft-editor').waitFor({ timeout: 30_000 });
    await expect(page.locator('#draft-editor').inputValue()).resolves.toBe('Our own words, kept after the undo.');
    // Past the default 10-second window: still nothing sent, still waiting for a decision.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    expect(await caughtMail(stack.mailUrl, mail.subject)).toHaveLength(0);
    expect(await statusOf(conversationId)).toBe('awaiting_approval');
    await page.close();
  });

  it('snoozes until the customer replies, and the reply wakes it', async () => {
    const mail = email('refund-lawyer');
    const { conversationId, messageId } = await awaitingApproval(mail);
    await reject(conversationId);
    const page = await session.newPage();
    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.getByRole('button', { name: 'Snooze until the customer replies' }).click();
    await waitForStatus(conversationId, (status) => status === 'snoozed', 'snoozed');
    await page.goto(`${stack.baseUrl}/?queue=snoozed`);
    await page.getByText(mail.subject).waitFor({ timeout: 30_000 });

    const response = await fetch(new URL('/api/inbound', stack.baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${inboundSecret}` },
      body: JSON.stringify({
        from: mail.from,
        to: 'support@countersign.local',
        subject: `Re: ${mail.subject}`,
        text: 'Any news on my refund? I am still waiting.',
        messageId: `<reply-${randomUUID()}@customers.example>`,
        inReplyTo: messageId,
        date: new Date().toISOString(),
      }),
    });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { conversationId: string }).conversationId).toBe(conversationId);
    await waitForStatus(conversationId, (status) => status === 'awaiting_approval', 'the reply drafted for review');
    await page.goto(`${stack.baseUrl}/?queue=snoozed`);
    await expect(page.getByText(mail.subject).count()).resolves.toBe(0);
    await page.close();
  });

  it('closes and tags a selection from the keyboard, and filters by the tag', async () => {
    const tag = letters();
    const first = await awaitingApproval(email('chargeback', tag));
    const second = await awaitingApproval(email('refund-lawyer', tag));
    await reject(first.conversationId);
    await reject(second.conversationId);
    const page = await session.newPage();
    await page.goto(`${stack.baseUrl}/?queue=rejected&q=${tag}`);
    await page.locator('[data-inbox-row]').nth(1).waitFor({ timeout: 30_000 });
    await page.locator('h1').click();
    for (const key of ['j', 'x', 'j', 'x']) await page.keyboard.press(key);
    await page.getByText('2 selected').waitFor();
    await page.keyboard.press('c');
    await waitForStatus(first.conversationId, (status) => status === 'closed', 'closed');
    await waitForStatus(second.conversationId, (status) => status === 'closed', 'closed');
    await page.goto(`${stack.baseUrl}/?queue=closed&q=${tag}`);
    await expect(page.locator('[data-inbox-row]').count()).resolves.toBe(2);

    // Tag the same two from the keyboard, then find them by the tag alone.
    await page.locator('h1').click();
    for (const key of ['j', 'x', 'j', 'x', 't']) await page.keyboard.press(key);
    await page.getByLabel('Tag the selection').fill('vip');
    await page.keyboard.press('Enter');
    // The rows show the tag once it is stored; leaving earlier would abandon the action.
    await expect.poll(() => page.getByText('#vip', { exact: true }).count(), { timeout: 30_000 }).toBe(2);
    await page.goto(`${stack.baseUrl}/?queue=all&tag=vip`);
    await page.locator('[data-inbox-row]').nth(1).waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-inbox-row]').count()).resolves.toBe(2);
    await page.close();
  });
});
