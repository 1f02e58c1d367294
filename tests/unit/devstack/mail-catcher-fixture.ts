import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { startMailCatcher, type MailCatcher, type MailCatcherOptions } from '../../../devstack/mail-catcher/server';

/** Temp folders and catchers created by a test file, torn down in afterEach. */
export function catcherFixture() {
  const catchers: MailCatcher[] = [];
  const dirs: string[] = [];
  return {
    async tempDir(): Promise<string> {
      const dir = await mkdtemp(path.join(tmpdir(), 'mail-catcher-'));
      dirs.push(dir);
      return dir;
    },
    async start(options: Partial<MailCatcherOptions> = {}): Promise<MailCatcher> {
      const catcher = await startMailCatcher({
        smtpPort: 0,
        httpPort: 0,
        storageDir: options.storageDir ?? (await this.tempDir()),
        ...options,
      });
      catchers.push(catcher);
      return catcher;
    },
    async cleanup(): Promise<void> {
      await Promise.all(catchers.splice(0).map((c) => c.close()));
      await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
    },
  };
}

/** A real SMTP client, as the app uses it; user:pass checks that any credentials are accepted. */
export function transportFor(catcher: MailCatcher) {
  const url = new URL(catcher.smtpUrl);
  url.username = 'countersign';
  url.password = 'any-password';
  return nodemailer.createTransport(url.toString());
}
