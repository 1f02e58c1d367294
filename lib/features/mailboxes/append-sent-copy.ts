import type { ImapFlow } from 'imapflow';
import { createImapClient } from '../intake/channels/imap/imap-client';
import type { ImapSettings } from './mailbox-connection';

/**
 * Files a reply in the mailbox's Sent folder over IMAP (\Seen, as a mail client does), so the
 * team's other clients see what was answered. Providers that file SMTP-sent mail themselves
 * (Gmail, Microsoft 365) leave the folder unset. The folder is created when missing.
 */
export async function appendSentCopy(settings: ImapSettings & { sentFolder: string }, raw: Buffer): Promise<void> {
  const client: ImapFlow = createImapClient(settings, 60);
  client.on('error', () => undefined);
  await client.connect();
  try {
    try {
      await client.append(settings.sentFolder, raw, ['\\Seen']);
    } catch (error) {
      // [TRYCREATE]: the folder does not exist yet.
      if ((error as { serverResponseCode?: string }).serverResponseCode !== 'TRYCREATE') throw error;
      await client.mailboxCreate(settings.sentFolder);
      await client.append(settings.sentFolder, raw, ['\\Seen']);
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
