import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The account the client authenticated as (its XOAUTH2 user). */
  user: string;
  envelopeFrom: string;
  envelopeTo: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface XOAuth2Smtp {
  port: number;
  received: ReceivedMail[];
  /** Logins refused (token inactive, wrong user or scope). */
  refusedLogins: number;
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * A submission server that accepts XOAUTH2 only, as smtp.gmail.com and smtp.office365.com do
 * for OAuth apps: every login's token is checked at the provider's introspection endpoint,
 * and the token's account must be the login user. No login, no mail.
 */
export async function startXOAuth2Smtp(options: { introspectionUrl: string }): Promise<XOAuth2Smtp> {
  const received: ReceivedMail[] = [];
  const waiters: { predicate: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void }[] = [];
  const state = { refusedLogins: 0 };
  const server = new SMTPServer({
    authMethods: ['XOAUTH2'],
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      const refuse = () => {
        state.refusedLogins += 1;
        callback(null, { data: { status: '401', schemes: 'bearer', scope: 'mail' } });
      };
      if (auth.method !== 'XOAUTH2' || !auth.accessToken) return refuse();
      fetch(options.introspectionUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: auth.accessToken }) })
        .then((response) => response.json() as Promise<{ active?: boolean; email?: string }>)
        .then((result) => (result.active === true && result.email === auth.username ? callback(null, { user: auth.username }) : refuse()))
        .catch((error: Error) => callback(error));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const mail: ReceivedMail = {
              user: String(session.user ?? ''),
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              raw,
              parsed,
            };
            received.push(mail);
            for (const waiter of [...waiters]) {
              if (waiter.predicate(mail)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve(mail);
              }
            }
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined);
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    received,
    get refusedLogins() {
      return state.refusedLogins;
    },
    waitFor(predicate, timeoutMs = 90_000) {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (mail: ReceivedMail) => (clearTimeout(timer), resolve(mail)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no matching mail within ${timeoutMs} ms (received ${received.length}, refused logins ${state.refusedLogins})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
