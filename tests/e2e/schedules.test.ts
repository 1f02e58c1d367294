import { Client, Connection } from '@temporalio/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStackFile } from '../support/stack-file';
import { launchChromium, signedInContext, stackSecrets } from './support/browser';
import { startStack, type RunningStack } from './support/running-stack';

/**
 * `npm start`'s worker creates the schedules; a manager moves the digest in Settings and the
 * Temporal Schedule follows at once; the SLA and digest pages render.
 */

let stack: RunningStack;
let browser: Browser;
let temporal: Client;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
  const address = readStackFile(stack.dataDir)?.temporalAddress ?? '';
  temporal = new Client({ connection: await Connection.connect({ address }) });
});
afterAll(async () => {
  await temporal?.connection.close();
  await browser?.close();
  await stack?.stop();
});

async function signIn(): Promise<Page> {
  const context = await signedInContext(browser, stack.baseUrl, stackSecrets(stack).admin);
  return context.newPage();
}

async function digestSchedule() {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      return await temporal.schedule.getHandle('countersign-daily-digest').describe();
    } catch (error) {
      // The worker creates it at start; the web may answer first.
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

const localClock = (date: Date | undefined, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);

describe('schedules and response targets in the running product', () => {
  it('creates the schedules at worker start and moves the digest when a manager saves new times', async () => {
    expect(localClock((await digestSchedule()).info.nextActionTimes[0], 'UTC')).toBe('07:00');
    const page = await signIn();
    await page.goto(`${stack.baseUrl}/settings`);
    const form = page.getByRole('form', { name: 'Schedules' });
    await form.locator('input[name=digestAt]').fill('05:45');
    await form.locator('input[name=digestTimeZone]').fill('Asia/Tokyo');
    await form.getByRole('button', { name: 'Save schedules' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved and applied to the schedules.' }).waitFor({ timeout: 30_000 });
    expect(localClock((await digestSchedule()).info.nextActionTimes[0], 'Asia/Tokyo')).toBe('05:45');

    const targets = page.getByRole('form', { name: 'Response targets' });
    await targets.locator('input[name=first_urgent]').fill('30');
    await targets.locator('input[name=timeZone]').fill('Not/AZone');
    await targets.getByRole('button', { name: 'Save response targets' }).click();
    await targets.getByRole('alert').filter({ hasText: 'time zone' }).waitFor({ timeout: 30_000 });
    await targets.locator('input[name=timeZone]').fill('Europe/Berlin');
    await targets.getByRole('button', { name: 'Save response targets' }).click();
    await targets.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 30_000 });

    await page.goto(`${stack.baseUrl}/overview?days=7`);
    await page.getByRole('heading', { name: 'Response targets' }).waitFor();
    await page.getByRole('link', { name: 'Daily digests' }).click();
    await page.getByRole('heading', { name: 'Daily digests' }).waitFor();
    await page.close();
  });
});
