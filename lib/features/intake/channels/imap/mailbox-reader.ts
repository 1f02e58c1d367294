import type { ImapFlow } from 'imapflow';
import type { Db } from '../../../../platform/db/client';
import { imapSettingsOf } from '../../../mailboxes/mailbox-connection';
import { OAuthGrantError } from '../../../mailboxes/oauth/oauth-connect-error';
import type { OAuthTokenSource } from '../../../mailboxes/oauth/oauth-token-source';
import { recordReaderStatus } from '../../../mailboxes/record-reader-status';
import type { AcceptInboundResult } from '../../accept-inbound';
import type { InboundEmail } from '../../inbound-email';
import { describeImapError } from './describe-imap-error';
import { createImapClient } from './imap-client';
import { syncFolder } from './sync-folder';

export interface MailboxReaderDeps {
  db: Db;
  accept: (email: InboundEmail) => Promise<AcceptInboundResult>;
  pollSeconds: number;
  maxBytes: number;
  /** Access tokens for OAuth mailboxes (XOAUTH2); without it such a mailbox reports an error. */
  tokens?: OAuthTokenSource;
  log?: (line: string) => void;
}

export interface MailboxReader {
  stop(): Promise<void>;
  /** Settles when the reader has stopped (after stop(), or when its mailbox is gone). */
  done: Promise<void>;
}

const BACKOFF_MIN_MS = 1_000;
const BACKOFF_MAX_MS = 5 * 60_000;
/** A refused password is not retried quickly: providers lock out accounts that keep trying. */
const AUTH_BACKOFF_MIN_MS = 60_000;

/**
 * Reads one mailbox for as long as it runs: connect, catch up, wait for the server to say
 * something arrived (IDLE) or for the poll interval, catch up again. Any failure (refused
 * password, dropped connection, unreachable server) is written on the mailbox for the admin
 * page and /api/health, and the reader reconnects with a new client after a jittered,
 * doubling delay. Nothing is lost meanwhile: the mail waits on the server and the cursor says
 * where to resume.
 */
export function startMailboxReader(mailboxId: string, deps: MailboxReaderDeps): MailboxReader {
  let stopped = false;
  let wake: (() => void) | undefined;
  let current: ImapFlow | undefined;
  const log = deps.log ?? ((line: string) => console.log(line));

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const run = async () => {
    let failures = 0;
    // After the server refused an access token, the next attempt asks the provider for a new one,
    // at once the first time (it had simply lapsed), then as slowly as a refused password.
    let forceRefresh = false;
    let tokenRefusals = 0;
    while (!stopped) {
      const row = await deps.db.mailbox.findUnique({ where: { id: mailboxId } });
      if (!row || !row.enabled || row.inboundChannel !== 'imap') return;
      const where = `IMAP server ${row.imapHost ?? '?'}:${row.imapPort ?? ''}`;
      let client: ImapFlow | undefined;
      try {
        const settings = imapSettingsOf(row);
        if (row.oauthProvider) {
          if (!deps.tokens) throw new OAuthGrantError('OAuth mailboxes need the worker’s OAuth settings (GOOGLE_OAUTH_* / MICROSOFT_OAUTH_*).');
          settings.accessToken = await deps.tokens.accessToken(mailboxId, { force: forceRefresh });
          forceRefresh = false;
        }
        await recordReaderStatus({ mailboxId, status: 'connecting' }, deps.db);
        client = current = createImapClient(settings, deps.pollSeconds);
        // imapflow reports errors here too; the read loop below sees the same failure as a close.
        client.on('error', () => undefined);
        await client.connect();
        const idle = client.capabilities.has('IDLE');
        log(`IMAP ${row.address}: connected to ${settings.host}:${settings.port}, ${idle ? 'waiting with IDLE' : `polling every ${deps.pollSeconds} s (no IDLE)`}`);
        await recordReaderStatus({ mailboxId, status: 'ok' }, deps.db);
        failures = 0;
        tokenRefusals = 0;
        while (!stopped) {
          const taken = await syncFolder(client, {
            db: deps.db,
            mailboxId,
            mailboxAddress: row.address,
            folder: settings.folder,
            processedFolder: settings.processedFolder,
            maxBytes: deps.maxBytes,
            accept: deps.accept,
            stopped: () => stopped,
          });
          if (taken > 0) log(`IMAP ${row.address}: took in ${taken} message(s)`);
          await recordReaderStatus({ mailboxId, status: 'ok' }, deps.db);
          await waitForNews(client, deps.pollSeconds * 1_000, () => stopped, (resume) => (wake = resume));
        }
      } catch (error) {
        if (stopped) break;
        const described =
          error instanceof OAuthGrantError
            ? { message: error.message, authentication: true }
            : describeImapError(error, where, row.oauthProvider ? 'oauth' : 'password');
        if (row.oauthProvider && described.authentication && !(error instanceof OAuthGrantError)) {
          forceRefresh = true;
          tokenRefusals += 1;
        }
        failures += 1;
        const base = described.authentication && !(forceRefresh && tokenRefusals === 1) ? AUTH_BACKOFF_MIN_MS : BACKOFF_MIN_MS;
        const delay = Math.min(BACKOFF_MAX_MS, base * 2 ** Math.min(failures - 1, 10)) * (0.75 + Math.random() / 2);
        log(`IMAP ${row.address}: ${described.message} Retrying in ${Math.round(delay / 1000)} s.`);
        await recordReaderStatus({ mailboxId, status: 'error', error: described.message }, deps.db).catch(() => undefined);
        await closeQuietly(client);
        await sleep(delay);
      } finally {
        await closeQuietly(client);
        current = undefined;
      }
    }
  };

  const done = run().catch((error: unknown) => log(`IMAP reader ${mailboxId} stopped: ${(error as Error).message}`));
  return {
    done,
    async stop() {
      stopped = true;
      wake?.();
      current?.close();
      await done;
    },
  };
}

/** Resolves when the server announces new mail, the poll interval passes or the reader stops; rejects when the connection closes. */
function waitForNews(client: ImapFlow, ms: number, stopped: () => boolean, onWake: (resume: () => void) => void): Promise<void> {
  if (stopped()) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      client.off('exists', onExists);
      client.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onExists = () => finish();
    const onClose = () => finish(Object.assign(new Error('the server closed the connection'), { code: 'EConnectionClosed' }));
    const timer = setTimeout(() => finish(), ms);
    client.on('exists', onExists);
    client.on('close', onClose);
    onWake(() => finish());
  });
}

async function closeQuietly(client: ImapFlow | undefined): Promise<void> {
  if (!client || !client.usable) return;
  await Promise.race([client.logout().catch(() => client.close()), new Promise((resolve) => setTimeout(resolve, 2_000))]);
  client.close();
}
