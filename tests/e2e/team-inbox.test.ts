import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import type { DemoEmail } from '../../devstack/demo-emails';
import { createDb } from '../../lib/platform/db/client';
import { createUser } from '../../lib/features/users/create-user';
import { launchChromium, signedInContext, stackSecrets, type Credentials } from './support/browser';
import { demoEmail as email, postAndWait } from './support/demo-mail';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * A team's inbox in two real browsers at once, against `npm start`: each agent sees the other
 * on the conversation and in the list, the second one is warned before starting a reply while
 * the first is writing, an agent takes the conversation and finds it under Mine, and a note
 * that mentions a colleague rings their bell without a reload. Leaving the page ends presence.
 */
const LIVE_MS = 20_000;

let stack: RunningStack;
let browser: Browser;
let inboundSecret: string;
let ana: BrowserContext;
let ben: BrowserContext;
const ANA = { email: 'ana.ortiz@countersign.local', name: 'Ana Ortiz', password: `ana-${randomUUID()}` };
const BEN = { email: 'ben.hale@countersign.local', name: 'Ben Hale', password: `ben-${randomUUID()}` };

const signIn = (who: Credentials) => signedInContext(browser, stack.baseUrl, who);

/** Posts a customer email and waits (on the store) until its draft awaits a person. */
const conversationAwaitingApproval = async (mail: DemoEmail) => (await postAndWait(stack, inboundSecret, mail)).conversationId;

/** Marks the document, so a later check proves the change arrived without a reload. */
const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { noReload: true }));
const stillSameDocument = (page: Page) => page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload === true);

beforeAll(async () => {
  stack = await startStack();
  inboundSecret = stackSecrets(stack).inboundSecret;
  const db = createDb(stack.databaseUrl);
  for (const person of [ANA, BEN]) await createUser({ ...person, role: 'agent', actorId: null }, db);
  await db.$disconnect();
  browser = await launchChromium();
  [ana, ben] = await Promise.all([signIn(ANA), signIn(BEN)]);
});

beforeEach(() => {
  onTestFailed(() => console.log(`── stack output (tail)\n${stack.output().slice(-12_000)}`));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('a team’s inbox, two agents at once', () => {
  it('shows presence, warns before a second reply, assigns into Mine, and rings the bell for a mention', async () => {
    const mail = email('chargeback');
    const conversationId = await conversationAwaitingApproval(mail);
    const url = `${stack.baseUrl}/conversations/${conversationId}`;
    const anaPage = await ana.newPage();
    const benPage = await ben.newPage();
    await anaPage.goto(url);
    await anaPage.locator('#draft-editor').waitFor({ timeout: 30_000 });
    await benPage.goto(url);
    await benPage.locator('#draft-editor').waitFor({ timeout: 30_000 });
    await markDocument(benPage);

    // Presence: each sees the other, live.
    await anaPage.getByRole('list', { name: 'Also here' }).getByText('Ben Hale is viewing').waitFor({ timeout: LIVE_MS });
    await benPage.getByRole('list', { name: 'Also here' }).getByText('Ana Ortiz is viewing').waitFor({ timeout: LIVE_MS });

    // Ana starts editing the draft: Ben is told before he starts a reply of his own.
    await anaPage.locator('#draft-editor').click();
    await anaPage.keyboard.press('Control+End');
    await anaPage.keyboard.type('\n\nI have asked billing to refund the second charge.');
    await benPage.getByRole('list', { name: 'Also here' }).getByText('Ana Ortiz is writing a reply').waitFor({ timeout: LIVE_MS });
    const warning = benPage.getByRole('alert').filter({ hasText: 'Ana Ortiz is writing a reply' });
    await warning.first().waitFor({ timeout: LIVE_MS });
    await expect(benPage.getByRole('button', { name: /Approve & send/ }).isDisabled()).resolves.toBe(true);
    await expect(benPage.locator('#draft-editor').getAttribute('readonly')).resolves.not.toBeNull();
    // Opening his own reply box warns first, too.
    await benPage.getByRole('button', { name: 'Write your own reply…' }).click();
    await benPage.getByRole('button', { name: 'Leave it to Ana Ortiz' }).waitFor();
    await expect(benPage.locator('#reply-composer').count()).resolves.toBe(0);
    await benPage.getByRole('button', { name: 'Leave it to Ana Ortiz' }).click();
    // Ana is not warned about herself, and her text was not lost to the live refreshes.
    await expect(anaPage.getByRole('alert').filter({ hasText: 'is writing a reply' }).count()).resolves.toBe(0);
    await expect(anaPage.locator('#draft-editor').inputValue()).resolves.toContain('refund the second charge');

    // Ben takes it: both pages show the owner, and it is in Ben's Mine queue, not Ana's.
    await benPage.getByRole('button', { name: 'Take it' }).click();
    await benPage.getByTestId('owner').getByText('You (Ben Hale)').waitFor({ timeout: LIVE_MS });
    await anaPage.getByTestId('owner').getByText('Ben Hale').waitFor({ timeout: LIVE_MS });
    await anaPage.getByText('Ben Hale took it').first().waitFor({ timeout: LIVE_MS });
    expect(await stillSameDocument(benPage)).toBe(true);

    const benInbox = await ben.newPage();
    await benInbox.goto(`${stack.baseUrl}/?queue=mine`);
    const row = benInbox.getByRole('list', { name: 'Conversations' }).getByRole('link').filter({ hasText: mail.subject });
    await row.waitFor({ timeout: LIVE_MS });
    // The list shows who is on it: Ana, still writing.
    await row.getByText('Ana Ortiz writing').waitFor({ timeout: LIVE_MS });
    const anaInbox = await ana.newPage();
    await anaInbox.goto(`${stack.baseUrl}/?queue=mine`);
    await expect(anaInbox.getByText(mail.subject).count()).resolves.toBe(0);
    await anaInbox.close();

    // A note that mentions nobody is refused and saves nothing.
    await anaPage.getByLabel('Note for the team').fill('Could @nobodyatall look at the bank letter?');
    await anaPage.getByRole('button', { name: 'Add note' }).click();
    await anaPage.getByRole('alert').filter({ hasText: '@nobodyatall matches nobody on the team' }).waitFor({ timeout: LIVE_MS });
    await expect(anaPage.getByRole('list', { name: 'Notes' }).count()).resolves.toBe(0);

    // A note that mentions Ben rings his bell on the inbox he has open, without a reload.
    await markDocument(benInbox);
    await expect(benInbox.getByTestId('notification-bell').getAttribute('aria-label')).resolves.toBe('Notifications: 0 unread');
    await anaPage.getByLabel('Note for the team').fill('@ben the customer already opened a chargeback, please call them.');
    await anaPage.getByRole('button', { name: 'Add note' }).click();
    await anaPage.getByRole('list', { name: 'Notes' }).getByText('please call them').waitFor({ timeout: LIVE_MS });
    await benInbox.getByRole('link', { name: 'Notifications: 1 unread' }).waitFor({ timeout: LIVE_MS });
    expect(await stillSameDocument(benInbox)).toBe(true);
    // The note is on Ben's conversation page too, live.
    await benPage.getByRole('list', { name: 'Notes' }).getByText('please call them').waitFor({ timeout: LIVE_MS });

    await benInbox.getByRole('link', { name: 'Notifications: 1 unread' }).click();
    await benInbox.waitForURL(`${stack.baseUrl}/notifications`);
    const notice = benInbox.getByRole('list', { name: 'Notifications' }).getByRole('listitem').first();
    await expect(notice.textContent()).resolves.toContain(`Ana Ortiz mentioned you on “${mail.subject}”`);
    await notice.getByRole('button', { name: 'Mark read' }).click();
    await benInbox.getByRole('link', { name: 'Notifications: 0 unread' }).waitFor({ timeout: LIVE_MS });

    // Ana leaves: her presence ends at once (the page's goodbye), not after the expiry.
    await benInbox.goto(`${stack.baseUrl}/?queue=mine`);
    await row.getByText('Ana Ortiz writing').waitFor({ timeout: LIVE_MS });
    await anaPage.goto(`${stack.baseUrl}/outbox`);
    await benPage.getByRole('list', { name: 'Also here' }).waitFor({ state: 'detached', timeout: 10_000 });
    await row.getByText('Ana Ortiz writing').waitFor({ state: 'detached', timeout: 10_000 });
    await Promise.all([anaPage.close(), benPage.close(), benInbox.close()]);
  });
});
