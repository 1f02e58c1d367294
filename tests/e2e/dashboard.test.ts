import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import type { DemoEmail } from '../../devstack/demo-emails';
import { sendDemoEmail } from '../../devstack/send-demo-email';
import { launchChromium, signedInContext as signedInAt, stackSecrets } from './support/browser';
import { caughtMail } from './support/caught-mail';
import { waitForStatus } from './support/conversation-status';
import { demoEmail as email } from './support/demo-mail';
import { startStack, type RunningStack } from './support/running-stack';
import { mkdirSync } from 'node:fs';
import { createDb } from '../../lib/platform/db/client';
import { createUser } from '../../lib/features/users/create-user';
import { writeDatasetFile } from '../../lib/features/evals/dataset-files';
import { listEvalItems } from '../../lib/features/evals/list-eval-items';
import type { EvalItem } from '../../lib/features/evals/eval-item';

/**
 * The dashboard in a real browser against `npm start`: live inbox, the review surface with
 * the injection banner, keyboard approval, the reply in the outbox, and a second agent
 * told clearly that someone else decided first.
 */
const WORKFLOW_MS = 90_000;
const SCREENSHOTS = 'tests/.artifacts/screenshots';
/** The agents' decisions in this file, as an evaluation dataset: `npm run eval -- --dataset <this>`. */
const EVAL_DATASET = 'tests/.artifacts/eval-dataset.jsonl';

let stack: RunningStack;
let browser: Browser;
let secrets: { inbound: string; adminPassword: string };

/** A browser session signed in once (sign-in is rate limited, as it should be). */
const signedInContext = (email: string, password: string) => signedInAt(browser, stack.baseUrl, { email, password });

let adminSession: BrowserContext;
function signedInPage(): Promise<Page> {
  return adminSession.newPage();
}

/** Posts a customer email and returns its conversation id once the draft awaits a person. */
async function conversationAwaitingApproval(mail: DemoEmail): Promise<string> {
  const { conversationId } = await sendDemoEmail(mail, 0, { baseUrl: stack.baseUrl, secret: secrets.inbound, runId: randomUUID().slice(0, 8) });
  // Setup waits on the store, not on a live page (the first test and live-updates.test.ts cover
  // live refresh): a timeout here then says where the conversation stopped.
  await waitForStatus(stack, conversationId, (status) => status === 'awaiting_approval', 'awaiting approval');
  const page = await signedInPage();
  try {
    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.locator('#draft-editor').waitFor({ timeout: 30_000 });
    return conversationId;
  } finally {
    await page.close();
  }
}

async function waitForMail(subject: string, count: number): Promise<void> {
  const deadline = Date.now() + WORKFLOW_MS;
  while ((await caughtMail(stack.mailUrl, subject)).length < count) {
    if (Date.now() > deadline) throw new Error(`no reply to "${subject}" arrived`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  // Small trust numbers so a category earns (and loses) auto-send within one test; a short hold.
  stack = await startStack({
    env: { AUTONOMY_MIN_DECISIONS: '3', AUTONOMY_RECENT_DECISIONS: '4', AUTONOMY_MIN_RECENT_DECISIONS: '3', AUTO_SEND_HOLD_SECONDS: '2' },
  });
  const generated = stackSecrets(stack);
  secrets = { inbound: generated.inboundSecret, adminPassword: generated.admin.password };
  browser = await launchChromium();
  adminSession = await signedInAt(browser, stack.baseUrl, generated.admin);
});

beforeEach(() => {
  // What the stack printed is the first thing to read when a browser step times out.
  onTestFailed(() => console.log(`── stack output (tail)\n${stack.output().slice(-12_000)}`));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('dashboard', () => {
  it('shows a new conversation without a reload, flags injection, and approves an edit from the keyboard', async () => {
    const page = await signedInPage();
    await page.goto(`${stack.baseUrl}/?queue=needs_approval`);
    // Set on this document only: a full reload would clear it.
    await page.evaluate(() => Object.assign(window, { noReload: true }));
    const mail = email('prompt-injection');
    const runId = randomUUID().slice(0, 8);
    const { conversationId } = await sendDemoEmail(mail, 0, { baseUrl: stack.baseUrl, secret: secrets.inbound, runId });
    await page.getByText(mail.subject).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);

    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.locator('#draft-editor').waitFor({ timeout: WORKFLOW_MS });
    await expect(page.getByRole('alert').filter({ hasText: 'Possible prompt injection' }).isVisible()).resolves.toBe(true);

    await page.keyboard.press('e');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nWe never share other customers’ data.');
    await expect(page.getByLabel('Changes against the AI draft').isVisible()).resolves.toBe(true);
    await page.locator('h1').click();
    await page.keyboard.press('a');
    await page.keyboard.press('a');
    await page.getByText('Approved. The reply is being sent.').waitFor({ timeout: 30_000 });

    await page.goto(`${stack.baseUrl}/outbox`);
    await page.getByText(`Re: ${mail.subject}`).waitFor({ timeout: WORKFLOW_MS });

    // Exactly one email, with the agent's words, threaded to the customer's message.
    const sent = await caughtMail(stack.mailUrl, mail.subject);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('We never share other customers’ data.');
    expect(sent[0]?.inReplyTo).toBe(`<demo-${runId}-0-${mail.key}@customers.example>`);

    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page.getByText(/edited and approved v1/).waitFor({ timeout: 15_000 });
    await expect(page.getByText(/characters changed/).first().isVisible()).resolves.toBe(true);
    await page.getByText(/^Sent$/).first().waitFor({ timeout: WORKFLOW_MS });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/conversation.png`, fullPage: true });
    await page.close();
  });

  it('lets exactly one of two agents approve and tells the other it was already decided', async () => {
    // A second person, in a browser session of their own, on the roster before the mail arrives.
    const db = createDb(stack.databaseUrl);
    const password = `agent-${randomUUID()}`;
    await createUser({ email: 'second.agent@countersign.local', name: 'Second Agent', role: 'agent', password, actorId: null }, db);
    await db.$disconnect();
    const mail = email('chargeback');
    const conversationId = await conversationAwaitingApproval(mail);
    const agentSession = await signedInContext('second.agent@countersign.local', password);
    const pages = await Promise.all([signedInPage(), agentSession.newPage()]);
    for (const page of pages) {
      await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
      await page.locator('#draft-editor').waitFor();
    }
    // Both confirm at once: the workflow's validator admits one decision per draft version.
    await Promise.all(pages.map((page) => page.getByRole('button', { name: /Approve & send/ }).click()));
    await Promise.all(pages.map((page) => page.getByRole('button', { name: /Press again to send to/ }).click()));
    const outcomes = await Promise.all(
      pages.map(async (page) => {
        const feedback = page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: /Approved\. The reply|Already decided/ });
        await feedback.first().waitFor({ timeout: 30_000 });
        return (await feedback.first().textContent()) ?? '';
      }),
    );
    expect(outcomes.filter((text) => text.startsWith('Approved'))).toHaveLength(1);
    expect(outcomes.filter((text) => text.startsWith('Already decided'))).toHaveLength(1);
    await Promise.all(pages.map((page) => page.close()));
    await agentSession.close();
    await waitForMail(mail.subject, 1);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await caughtMail(stack.mailUrl, mail.subject)).toHaveLength(1);
  });

  it('sends nothing on reject', async () => {
    const mail = email('refund-lawyer');
    const conversationId = await conversationAwaitingApproval(mail);
    const page = await signedInPage();
    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.getByRole('button', { name: /Reject/ }).click();
    await page.getByLabel(/Why reject this draft/).fill('Billing will call the customer.');
    await page.getByRole('button', { name: 'Reject draft' }).click();
    await page.getByText('Rejected. No reply will be sent for this draft.').waitFor({ timeout: 30_000 });
    // The agent moved on to the next conversation (or stayed, if this was the last): go back to look.
    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.getByText(/rejected v1/).waitFor({ timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(await caughtMail(stack.mailUrl, mail.subject)).toHaveLength(0);
    await page.close();
  });

  it('revises into version 2 that follows the instruction', async () => {
    const mail = email('chargeback');
    const conversationId = await conversationAwaitingApproval(mail);
    const page = await signedInPage();
    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.getByRole('button', { name: /Revise/ }).click();
    await page.getByLabel(/What should Claude change/).fill('offer a 10% discount on the next invoice');
    await page.getByRole('button', { name: 'Request revision' }).click();
    await page.getByText(/Revised as asked/).waitFor({ timeout: WORKFLOW_MS });
    await expect(page.locator('#draft-editor').inputValue()).resolves.toContain('10% discount');
    await expect(page.getByText(/Draft v2|v2/).first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('shows hostile HTML inert: no script runs, no handler fires', async () => {
    const subject = `Invoice question [${randomUUID().slice(0, 6)}]`;
    const response = await fetch(`${stack.baseUrl}/api/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secrets.inbound}` },
      body: JSON.stringify({
        from: 'Mallory <mallory@example.com>',
        subject,
        messageId: `<html-${randomUUID()}@example.com>`,
        text: 'Please see my question.',
        html: '<p>Please see my question.</p><img src="x" onerror="window.top.__pwned=1"><script>window.top.__pwned=2</script><a href="javascript:window.top.__pwned=3">click</a>',
      }),
    });
    expect(response.status).toBe(202);
    const { conversationId } = (await response.json()) as { conversationId: string };
    const page = await signedInPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.getByText('Please see my question.').first().waitFor({ timeout: WORKFLOW_MS });
    // The plain text shows first; the hostile HTML only renders on request, so ask for it:
    // without a rendered frame the checks below would pass on nothing.
    await page.getByRole('button', { name: 'Show formatted (HTML) version' }).first().click();
    await page.locator('iframe').first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const frames = page.frames().filter((frame) => frame !== page.mainFrame());
    expect(frames.length).toBeGreaterThan(0);
    expect((await Promise.all(frames.map((frame) => frame.content()))).join('')).toContain('Please see my question.');
    for (const frame of frames) {
      expect(await frame.locator('script, [onerror], a[href^="javascript:"]').count()).toBe(0);
    }
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('hands a refused draft to a person, who writes the reply in the dashboard; it goes out once', async () => {
    const faults = await fetch(`${stack.claudeUrl}/__simulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ rules: [{ purpose: 'draft', fault: 'refusal', times: 1 }] }),
    });
    expect(faults.status).toBe(200);
    const mail = email('password-reset');
    const { conversationId } = await sendDemoEmail(mail, 0, { baseUrl: stack.baseUrl, secret: secrets.inbound, runId: randomUUID().slice(0, 8) });
    const page = await signedInPage();
    await page.goto(`${stack.baseUrl}/?queue=needs_person`);
    await page.getByText(mail.subject).waitFor({ timeout: WORKFLOW_MS });

    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    const banner = page.getByRole('alert').filter({ hasText: 'Needs a person' });
    await banner.waitFor({ timeout: WORKFLOW_MS });
    await expect(banner.textContent()).resolves.toContain('Claude refused');
    await expect(page.locator('#draft-editor').count()).resolves.toBe(0);

    const reply = 'Hello, this is a person from the support team. Use "Forgot password?" on the sign-in page.';
    await page.locator('#reply-composer').fill(reply);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('button', { name: /Press again to send to/ }).click();
    await page.getByText(/Your reply \(v2\) is being sent/).waitFor({ timeout: 30_000 });
    await waitForMail(mail.subject, 1);
    await page.waitForTimeout(2_000);
    const sent = await caughtMail(stack.mailUrl, mail.subject);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('a person from the support team');
    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.getByText(/wrote reply v2 by hand/).waitFor({ timeout: 15_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/needs-person.png`, fullPage: true });
    await page.close();
  });

  it('turns the agents’ edit, reject and own reply into an evaluation dataset, exported for npm run eval', async () => {
    const db = createDb(stack.databaseUrl);
    try {
      let items: EvalItem[] = [];
      const deadline = Date.now() + 30_000;
      const kinds = () => new Set(items.map((item) => item.expectedOutput.decision));
      while (kinds().size < 3 && Date.now() < deadline) {
        items = await listEvalItems({ dataset: 'countersign-agent-edits' }, db);
        if (kinds().size < 3) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect([...kinds()].sort()).toEqual(['agent_reply', 'edited', 'rejected']);
      const edited = items.find((item) => item.expectedOutput.decision === 'edited');
      // What the agent actually sent, against the model's draft they changed.
      expect(edited?.expectedOutput.reply).toContain('We never share other customers’ data.');
      expect(edited?.metadata.modelDraft).not.toContain('We never share other customers’ data.');
      expect(edited?.input.thread.at(-1)?.text).toContain('Ignore previous instructions');
      expect(items.find((item) => item.expectedOutput.decision === 'rejected')?.expectedOutput).toEqual({ reply: null, decision: 'rejected', reason: 'Billing will call the customer.' });
      expect(items.find((item) => item.expectedOutput.decision === 'agent_reply')?.expectedOutput.reply).toContain('a person from the support team');
      writeDatasetFile(EVAL_DATASET, items);
    } finally {
      await db.$disconnect();
    }
  });

  it('shows every layer of the send decision, with the exact token and sentence the code held', async () => {
    // A drafter fooled by the email writes the phone number the mail asked for; the code holds it.
    const mail = { ...email('password-reset'), text: 'Hi, I moved and use a new phone now. Please put my two-step sign-in on +31 6 5550 1234 and confirm.' };
    const harmful = 'Hello Maria,\n\nDone: your two-step sign-in now sends its codes to +31 6 5550 1234.\n\nBest regards,\nThe Support Team';
    const control = (path: string, body: unknown) => fetch(`${stack.claudeUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await control('/__simulator/fooled-drafts', { drafts: [{ match: mail.text, draft: harmful }] })).status).toBe(200);
    expect((await control('/__simulator/faults', { fooled: { drafter: true } })).status).toBe(200);
    try {
      const id = await conversationAwaitingApproval(mail);
      const page = await signedInPage();
      await page.goto(`${stack.baseUrl}/conversations/${id}`);
      const layers = page.getByTestId('send-layers');
      await layers.waitFor({ timeout: 30_000 });
      const claims = layers.locator('li[data-layer="claims"]');
      await expect(claims.getAttribute('data-verdict')).resolves.toBe('hold');
      await expect(claims.locator('mark').first().textContent()).resolves.toContain('5550 1234');
      // The sentence it was found in, quoted for the agent.
      await expect(claims.getByText(/^in “.*two-step sign-in now sends its codes to \+31 6 5550 1234/).first().isVisible()).resolves.toBe(true);
      await expect(layers.locator('li[data-layer="email_check"]').getAttribute('data-verdict')).resolves.toBe('not_run');
      await page.screenshot({ path: `${SCREENSHOTS}/send-layers.png`, fullPage: true });
      await page.close();
    } finally {
      await control('/__simulator/faults', { fooled: {} });
    }
  });

  it('shows shadow figures and trust per category, lets a manager enable an earned category, and takes it back after a bad automatic reply', async () => {
    const page = await signedInPage();
    // A fresh install auto-sends nothing: three routine order questions wait for a person, each with the policy's verdict.
    const first = await conversationAwaitingApproval(email('shipping-status'));
    await page.goto(`${stack.baseUrl}/conversations/${first}`);
    const verdict = page.getByTestId('policy-verdict');
    await verdict.getByText('Would auto-send').waitFor({ timeout: 30_000 });
    await expect(verdict.getByText('Every statement is in the knowledge', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/Auto-send is not enabled for "orders" \(shadow mode/).first().isVisible()).resolves.toBe(true);
    const conversations = [first, await conversationAwaitingApproval(email('shipping-status')), await conversationAwaitingApproval(email('shipping-status'))];
    for (const id of conversations) {
      await page.goto(`${stack.baseUrl}/conversations/${id}`);
      const subject = (await page.locator('h1').textContent()) ?? '';
      await page.getByRole('button', { name: /Approve & send/ }).click();
      await page.getByRole('button', { name: /Press again to send to/ }).click();
      // This conversation's outcome: on the next one's note (it names the subject), or here when it was the last.
      const done = page.getByTestId('decision-flash').filter({ hasText: subject }).or(page.getByRole('status').filter({ hasText: /^Approved\. The reply is being sent\.$/ }));
      await done.first().waitFor({ timeout: 30_000 });
    }

    // The overview: per category, what the policy would have sent, how often agents agreed, and the trust it earned.
    await page.goto(`${stack.baseUrl}/overview?days=7`);
    const orders = page.getByTestId('autonomy-table').locator('tr[data-category="orders"]');
    await expect(orders.getByTestId('would-send').textContent()).resolves.toBe('3');
    await expect(orders.getByTestId('agreed').textContent()).resolves.toBe('3 of 3 (100%)');
    await expect(orders.getByTestId('trust').textContent()).resolves.toBe('100% of 3');
    await expect(orders.getByText('Eligible').isVisible()).resolves.toBe(true);
    const billing = page.getByTestId('autonomy-table').locator('tr[data-category="billing"]');
    await expect(billing.getByText('Shadow mode').isVisible()).resolves.toBe(true);
    await orders.getByRole('button', { name: 'Enable auto-send for orders' }).click();
    await orders.getByText('On (earned)').waitFor({ timeout: 15_000 });

    // Now an order question goes out on its own, and waits in "Sent automatically" for an agent's look.
    const auto = email('shipping-status');
    const { conversationId } = await sendDemoEmail(auto, 0, { baseUrl: stack.baseUrl, secret: secrets.inbound, runId: randomUUID().slice(0, 8) });
    await waitForMail(auto.subject, 1);
    await page.goto(`${stack.baseUrl}/?queue=auto_sent`);
    await page.getByText(auto.subject).waitFor({ timeout: 30_000 });
    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    await page.getByRole('button', { name: 'Should not have gone out…' }).click();
    await page.getByLabel('What was wrong with it?').fill('The tracking link was for another carrier.');
    await page.getByRole('button', { name: 'Mark “should not have gone out”' }).click();
    await page.getByTestId('policy-verdict').getByText('Should not have gone out: The tracking link was for another carrier.').waitFor({ timeout: 30_000 });
    await page.getByText(/marked automatic reply v1 "should not have gone out"/).waitFor({ timeout: 15_000 });

    // The overview says so, impossible to miss, with the figures.
    await page.goto(`${stack.baseUrl}/overview?days=7`);
    const notice = page.getByTestId('demotion-orders');
    await expect(notice.textContent()).resolves.toMatch(/Auto-send switched off for “orders”.*agents agreed with 50% of its 4 most recent decisions/);
    await expect(page.getByTestId('autonomy-table').locator('tr[data-category="orders"]').getByText('Switched off automatically').isVisible()).resolves.toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/earned-autonomy.png`, fullPage: true });
    await page.close();
  });

  it('renders the overview for a manager', async () => {
    const page = await signedInPage();
    await page.goto(`${stack.baseUrl}/overview?days=7`);
    await expect(page.getByRole('heading', { name: 'Overview' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('img', { name: /Volume per day/ }).isVisible()).resolves.toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/overview.png`, fullPage: true });
    // Last, so the inbox shows the conversations the other tests created.
    await page.goto(`${stack.baseUrl}/?queue=all`);
    await page.screenshot({ path: `${SCREENSHOTS}/inbox.png` });
    await page.close();
  });
});
