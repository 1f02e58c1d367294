import { createHash } from 'node:crypto';
import type { SessionLeases } from '../../../../platform/db/session-leases';
import { startMailboxReader, type MailboxReader, type MailboxReaderDeps } from './mailbox-reader';

export interface MailboxSupervisorDeps extends MailboxReaderDeps {
  leases: SessionLeases;
  /** How often the list of mailboxes is checked for new, changed or removed ones. */
  checkIntervalMs?: number;
}

interface Running {
  reader: MailboxReader;
  /** The settings the reader started with: a change restarts it. */
  fingerprint: string;
}

/**
 * Runs one reader per enabled IMAP mailbox, in whichever worker holds that mailbox's lease
 * (a session advisory lock): with several workers each mailbox is read by exactly one, and
 * when that worker dies PostgreSQL frees the lease and another takes over within one check.
 * Edited settings restart the reader; a deleted or disabled mailbox stops it.
 */
export function startMailboxSupervisor(deps: MailboxSupervisorDeps): { stop(): Promise<void>; check(): Promise<void> } {
  const running = new Map<string, Running>();
  let stopped = false;
  let checking: Promise<void> | undefined;
  const log = deps.log ?? ((line: string) => console.log(line));

  const stopReader = async (id: string) => {
    const entry = running.get(id);
    running.delete(id);
    await entry?.reader.stop();
    await deps.leases.release(id).catch(() => undefined);
  };

  deps.leases.onLost((error) => {
    log(`Mailboxes: lost the database connection holding the mailbox leases (${error.message}); stopping readers until it is back`);
    for (const id of [...running.keys()]) void stopReader(id);
  });

  const checkOnce = async () => {
    const rows = await deps.db.mailbox.findMany({ where: { inboundChannel: 'imap', enabled: true } });
    const wanted = new Map(rows.map((row) => [row.id, fingerprintOf(row)]));
    for (const [id, entry] of running) {
      if (wanted.get(id) !== entry.fingerprint) await stopReader(id);
    }
    for (const [id, fingerprint] of wanted) {
      if (stopped || running.has(id)) continue;
      if (!(await deps.leases.tryAcquire(id))) continue;
      const reader = startMailboxReader(id, deps);
      running.set(id, { reader, fingerprint });
      // A reader that ends on its own (its mailbox vanished) gives the lease back.
      void reader.done.then(() => {
        if (running.get(id)?.reader === reader) void stopReader(id);
      });
    }
  };

  const check = () => {
    checking ??= checkOnce()
      .catch((error: unknown) => log(`Mailboxes: ${(error as Error).message}`))
      .finally(() => {
        checking = undefined;
      });
    return checking;
  };

  void check();
  const timer = setInterval(() => void check(), deps.checkIntervalMs ?? 10_000);
  return {
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await checking;
      await Promise.all([...running.keys()].map(stopReader));
      await deps.leases.close();
    },
  };
}

function fingerprintOf(row: Record<string, unknown>): string {
  // A reconnected OAuth grant (status back to connected) restarts the reader at once.
  const fields = ['address', 'imapHost', 'imapPort', 'imapSecurity', 'imapUser', 'imapPassword', 'imapFolder', 'imapProcessedFolder', 'oauthProvider', 'oauthStatus'];
  return createHash('sha256')
    .update(JSON.stringify(fields.map((field) => row[field] ?? null)))
    .digest('hex');
}
