import { env } from '../../platform/config/env';
import { createSmtpMailer } from '../../platform/mail/mailer';
import type { NotifyConfig } from './reassess-category';

/**
 * How a web node tells managers about a demotion it caused (the worker builds its own from
 * its dependencies): SMTP from the environment, opened only when there is someone to tell.
 */
export async function withNotifyConfigFromEnv<T>(run: (notify: NotifyConfig) => Promise<T>): Promise<T> {
  const config = env();
  const to = config.AUTONOMY_NOTIFY_EMAIL ?? config.ESCALATION_EMAIL;
  let mailer: ReturnType<typeof createSmtpMailer> | undefined;
  const lazy = {
    send: (mail: Parameters<ReturnType<typeof createSmtpMailer>['send']>[0]) => (mailer ??= createSmtpMailer(config.SMTP_URL)).send(mail),
    close: () => mailer?.close(),
  };
  try {
    return await run({ mailer: lazy, mailFrom: config.MAIL_FROM, to });
  } finally {
    lazy.close();
  }
}
