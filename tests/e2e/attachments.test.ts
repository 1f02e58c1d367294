import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { composeMime, PDF_BYTES, PNG_BYTES } from '../fixtures/mime';
import { launchChromium, signedInContext, stackSecrets } from './support/browser';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * Attachments end to end in a real browser against `npm start`: a customer mail with a PDF
 * and an inline image; the agent sees both (the image inside the sandboxed HTML view), downloads
 * the PDF byte for byte, is told clearly that a program cannot be attached, and replies with a
 * file that reaches the SMTP server intact.
 */
const SCREENSHOTS = 'tests/.artifacts/screenshots';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let stack: RunningStack;
let browser: Browser;
let session: BrowserContext;
let inboundSecret: string;

beforeAll(async () => {
  stack = await startStack();
  const secrets = stackSecrets(stack);
  inboundSecret = secrets.inboundSecret;
  browser = await launchChromium();
  session = await signedInContext(browser, stack.baseUrl, secrets.admin, { viewport: { width: 1400, height: 1100 }, acceptDownloads: true });
});

beforeEach(() => {
  onTestFailed(() => console.log(`── stack output (tail)\n${stack.output().slice(-12_000)}`));
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('attachments', () => {
  it('shows a PDF and an inline image, downloads the PDF intact, and sends the agent’s reply with a file', async () => {
    const subject = `Invoice and screenshot [${randomUUID().slice(0, 6)}]`;
    const raw = await composeMime({
      from: 'Ana Souza <ana@customer.example>',
      to: 'support@countersign.local',
      subject,
      messageId: `<${randomUUID()}@customer.example>`,
      text: 'Hello, the invoice is attached and the screenshot shows the error.',
      html: '<p>Hello, the invoice is attached.</p><p><img src="cid:screenshot@customer.example" alt="the error" width="40" height="40"></p>',
      attachments: [
        { filename: 'invoice.pdf', content: PDF_BYTES, contentType: 'application/pdf' },
        { filename: 'screenshot.png', content: PNG_BYTES, contentType: 'image/png', cid: 'screenshot@customer.example' },
      ],
    });
    const posted = await fetch(`${stack.baseUrl}/api/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${inboundSecret}` },
      body: new Uint8Array(raw),
    });
    expect(posted.status).toBe(202);
    const { conversationId } = (await posted.json()) as { conversationId: string };

    const page = await session.newPage();
    await page.goto(`${stack.baseUrl}/conversations/${conversationId}`);
    const pdfItem = page.getByLabel('Attachment invoice.pdf');
    await pdfItem.waitFor({ timeout: 30_000 });
    await expect(pdfItem.textContent()).resolves.toMatch(/application\/pdf · \d+ B/);
    const imageItem = page.getByLabel('Attachment screenshot.png');
    await expect(imageItem.textContent()).resolves.toContain('inline');
    // The preview is the real image, served by the preview route.
    const preview = imageItem.getByRole('img');
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);

    // The inline image inside the sandboxed HTML view, as a data: image.
    await page.getByRole('button', { name: 'Show formatted (HTML) version' }).click();
    const frame = page.frameLocator('iframe[title^="Message from"]');
    const inline = frame.getByRole('img', { name: 'the error' });
    await expect.poll(() => inline.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(1);
    await expect(inline.getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/);

    // Download: saved as a file with the exact bytes; the response can run nothing.
    const [download] = await Promise.all([page.waitForEvent('download'), pdfItem.getByRole('link', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('invoice.pdf');
    const saved = await download.path();
    expect(sha(readFileSync(saved))).toBe(sha(PDF_BYTES));
    const href = await pdfItem.getByRole('link', { name: 'Download' }).getAttribute('href');
    const direct = await page.request.get(`${stack.baseUrl}${href}`);
    expect(direct.headers()).toMatchObject({ 'content-disposition': expect.stringMatching(/^attachment;/), 'x-content-type-options': 'nosniff' });
    expect(direct.headers()['content-security-policy']).toContain('sandbox');

    // The agent's own reply, with a file; a program is refused with a reason, and nothing is lost.
    const open = page.getByRole('button', { name: 'Write your own reply…' });
    if (await open.isVisible()) await open.click();
    await page.locator('#reply-composer').fill('Thank you, Ana. The corrected invoice is attached.');
    const answer = Buffer.concat([PDF_BYTES, Buffer.from(`% corrected ${randomUUID()}\n`)]);
    const fileInput = page.getByLabel('Attach files to the reply');
    await fileInput.setInputFiles([{ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') }]);
    await page.getByRole('alert').filter({ hasText: 'tool.exe cannot be attached' }).waitFor({ timeout: 15_000 });
    await fileInput.setInputFiles([{ name: 'corrected-invoice.pdf', mimeType: 'application/pdf', buffer: answer }]);
    await page.getByLabel('Files attached to the reply').getByText('corrected-invoice.pdf').waitFor({ timeout: 15_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/attachments.png`, fullPage: true });
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('button', { name: /Press again to send to/ }).click();

    // The reply reaches the SMTP server with the file intact.
    const deadline = Date.now() + 90_000;
    let rawReply: Buffer | undefined;
    while (!rawReply) {
      const list = (await (await fetch(`${stack.mailUrl}/api/messages`)).json()) as { messages: { id: string; subject: string | null }[] };
      const found = list.messages.find((message) => message.subject === `Re: ${subject}`);
      if (found) rawReply = Buffer.from(await (await fetch(`${stack.mailUrl}/api/messages/${found.id}/raw`)).arrayBuffer());
      else if (Date.now() > deadline) throw new Error('the reply never reached the mail catcher');
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const parsed = await simpleParser(rawReply);
    expect(parsed.text).toContain('The corrected invoice is attached.');
    expect(parsed.attachments.map((attachment) => [attachment.filename, attachment.contentType, sha(attachment.content)])).toEqual([
      ['corrected-invoice.pdf', 'application/pdf', sha(answer)],
    ]);
    // The sent message lists the file in the thread too.
    await page.reload();
    await page.getByLabel('Attachment corrected-invoice.pdf').waitFor({ timeout: 30_000 });
    await page.close();
  });
});
