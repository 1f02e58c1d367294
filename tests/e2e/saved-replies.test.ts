import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import type { DemoEmail } from '../../devstack/demo-emails';
import { PDF_BYTES } from '../fixtures/mime';
import { launchChromium, signedInContext, stackSecrets } from './support/browser';
import { sentReplies } from './support/caught-mail';
import { demoEmail, postAndWait } from './support/demo-mail';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * A team's day in a real browser against `npm start`: a manager writes a saved reply (an unknown
 * variable is refused by name); an agent approves a model draft with a file (it reaches SMTP once,
 * with the file); the customer writes again and the side panel shows the earlier conversation; the
 * agent inserts the saved reply with Ctrl+/, its variables filled, and sends it; its use is counted.
 */
const SCREENSHOTS = 'tests/.artifacts/screenshots';

let stack: RunningStack;
let browser: Browser;
let session: BrowserContext;
let inboundSecret: string;

/** The shipping question from the demo set under a fresh subject. */
const shippingMail = () => demoEmail('shipping-status');

const awaitingApproval = async (mail: DemoEmail) => (await postAndWait(stack, inboundSecret, mail)).conversationId;

/** Waits until the send ledger marks the reply sent, then returns what the catcher holds for it. */
const settledMail = (conversationId: string, subject: string) => sentReplies(stack, conversationId, subject);

beforeAll(async () => {
  stack = await startStack();
  const secrets = stackSecrets(stack);
  inboundSecret = secrets.inboundSecret;
  browser = await launchChromium();
  session = await signedInContext(browser, stack.baseUrl, secrets.admin, { viewport: { width: 1400, height: 1100 } });
});

beforeEach(() => {
  onTestFailed(() => console.log(`── stack output (tail)\n${stack.output().slice(-12_000)}`));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('a team’s inbox', () => {
  const first = shippingMail();
  let firstId = '';

  it('a manager’s saved reply with an unknown variable is refused by name; a correct one is saved', async () => {
    const page = await session.newPage();
    await page.goto(`${stack.baseUrl}/saved-replies`);
    const form = page.getByRole('form', { name: 'New saved reply' });
    await form.getByLabel('Title').fill('Order on its way');
    await form.getByLabel('Text').fill('Hi {{customer_name}}, your {{coupon_code}} is here.');
    await form.getByRole('button', { name: 'Add saved reply' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toContain('{{coupon_code}}');
    await expect(page.getByRole('list', { name: 'Saved replies' }).getByRole('listitem').count()).resolves.toBe(0);

    await form.getByLabel('Text').fill('Hi {{customer_name}},\n\nyour order {{order_number}} left our warehouse today.\n\n{{agent_name}}\n{{signature}}');
    await form.getByRole('button', { name: 'Add saved reply' }).click();
    const item = page.getByRole('listitem', { name: 'Order on its way' });
    await item.waitFor({ timeout: 15_000 });
    await expect(item.getByTestId('use-count').textContent()).resolves.toBe('Used 0 times');
    await page.close();
  });

  it('approves a model draft with a file: it reaches SMTP exactly once, with the file', async () => {
    firstId = await awaitingApproval(first);
    const page = await session.newPage();
    await page.goto(`${stack.baseUrl}/conversations/${firstId}`);
    const draft = page.locator('section[aria-labelledby=draft-heading]');
    await draft.locator('#draft-editor').waitFor({ timeout: 30_000 });
    const file = Buffer.concat([PDF_BYTES, Buffer.from(`% label ${randomUUID()}\n`)]);
    await draft.getByLabel('Attach files to the draft').setInputFiles([{ name: 'shipping-label.pdf', mimeType: 'application/pdf', buffer: file }]);
    await draft.getByLabel('Files attached to the draft').getByText('shipping-label.pdf').waitFor({ timeout: 15_000 });
    // Every send is confirmed with a second press (use-confirm-send.ts).
    await draft.getByRole('button', { name: /^Approve & send/ }).click();
    await draft.getByRole('button', { name: /Press again to send to/ }).click();

    const mails = await settledMail(firstId, first.subject);
    expect(mails).toHaveLength(1);
    const list = (await (await fetch(`${stack.mailUrl}/api/messages`)).json()) as { messages: { id: string; subject: string | null }[] };
    const id = list.messages.find((message) => message.subject === `Re: ${first.subject}`)?.id;
    const parsed = await simpleParser(Buffer.from(await (await fetch(`${stack.mailUrl}/api/messages/${id}/raw`)).arrayBuffer()));
    expect(parsed.attachments.map((attachment) => [attachment.filename, attachment.content.equals(file)])).toEqual([['shipping-label.pdf', true]]);
    await page.close();
  });

  it('shows the earlier conversation beside the next one, inserts the saved reply with Ctrl+/ filled in, sends it and counts the use', async () => {
    const second = shippingMail();
    const secondId = await awaitingApproval({ ...second, text: 'Hello again, order #48213 has still not arrived. Aisha' });
    expect(secondId).not.toBe(firstId);
    const page = await session.newPage();
    await page.goto(`${stack.baseUrl}/conversations/${secondId}`);

    const history = page.getByRole('list', { name: 'Other conversations with this customer' });
    const earlier = history.getByRole('link', { name: first.subject });
    await earlier.waitFor({ timeout: 15_000 });
    await expect(earlier.getAttribute('href')).resolves.toBe(`/conversations/${firstId}`);
    await expect(history.textContent()).resolves.toContain('Last reply:');

    await page.getByRole('button', { name: 'Write your own reply…' }).click();
    const composer = page.locator('#reply-composer');
    await composer.focus();
    await page.keyboard.press('Control+/');
    const picker = page.getByRole('dialog', { name: 'Insert a saved reply' });
    await picker.getByRole('searchbox', { name: 'Search saved replies' }).fill('warehouse');
    await picker.getByRole('option', { name: /Order on its way/ }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    // Closed once the text is in; a message instead is the failure to show.
    const said = picker.getByRole('alert');
    await expect
      .poll(async () => ((await said.count()) > 0 ? `the picker said: ${await said.textContent()}` : await picker.isVisible()), { timeout: 15_000 })
      .toBe(false);
    const text = await composer.inputValue();
    expect(text).toContain('Hi Aisha Khan,');
    expect(text).toContain('your order 48213 left our warehouse today.');
    expect(text).toContain('Administrator');
    expect(text).toContain('Countersign Support');
    expect(text).not.toContain('{{');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/saved-reply.png`, fullPage: true });

    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('button', { name: /Press again to send to/ }).click();
    const mails = await settledMail(secondId, second.subject);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('your order 48213 left our warehouse today.');
    expect(mails[0]?.text).not.toContain('{{');

    await page.goto(`${stack.baseUrl}/saved-replies`);
    await expect(page.getByRole('listitem', { name: 'Order on its way' }).getByTestId('use-count').textContent()).resolves.toBe('Used 1 time');
    await page.close();
  });
});
