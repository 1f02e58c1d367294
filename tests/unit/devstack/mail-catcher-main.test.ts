import { afterEach, describe, expect, it } from 'vitest';
import { runCli as runCliEntry } from '../../support/run-cli';
import { catcherFixture } from './mail-catcher-fixture';


const fixture = catcherFixture();
afterEach(() => fixture.cleanup());

const runCli = (env: Record<string, string>, onStdout?: (text: string, kill: () => void) => void) =>
  runCliEntry('devstack/mail-catcher/main.ts', env, onStdout);

describe('mail catcher CLI', { timeout: 30_000 }, () => {
  it('names the variable when a value is invalid', async () => {
    const run = await runCli({ MAILCATCHER_SMTP_PORT: 'abc', MAILCATCHER_DIR: await fixture.tempDir() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('MAILCATCHER_SMTP_PORT');
  });

  it('reports a port that is already in use', async () => {
    const busy = await fixture.start();
    const run = await runCli({
      MAILCATCHER_SMTP_PORT: new URL(busy.smtpUrl).port,
      MAILCATCHER_HTTP_PORT: '0',
      MAILCATCHER_DIR: await fixture.tempDir(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/SMTP port \d+ on 127\.0\.0\.1 is already in use/);
  });

  it('prints its URLs and exits cleanly on SIGTERM', async () => {
    let killed = false;
    const run = await runCli(
      { MAILCATCHER_SMTP_PORT: '0', MAILCATCHER_HTTP_PORT: '0', MAILCATCHER_DIR: await fixture.tempDir() },
      (text, kill) => {
        if (!killed && text.includes('web http://')) {
          killed = true;
          kill();
        }
      },
    );
    expect(run.stdout).toMatch(/Mail catcher: SMTP smtp:\/\/127\.0\.0\.1:\d+, web http:\/\/127\.0\.0\.1:\d+/);
    expect(run.code).toBe(0);
  });
});
