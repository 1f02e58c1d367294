import { randomBytes } from 'node:crypto';
import { SecretKeyError, type SecretBox } from '../../platform/crypto/secret-box';
import { getDb, type Db } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';
import { MailboxError } from './mailbox-error';
import { mailboxSecretBox, secretContext } from './mailbox-secrets';
import type { MailboxInput } from './schema';

export interface SaveMailboxOptions {
  actorId: string | null;
  source: 'ui' | 'env';
  box?: SecretBox;
}

/**
 * Creates or updates a mailbox (by id, else by address). Passwords are sealed with the
 * mailbox's own id as associated data; an empty one keeps what is stored. Changing the
 * server or folder resets the IMAP cursor (its UIDs mean nothing elsewhere; intake
 * deduplicates what is read again). The audit row lists what changed, never a password.
 */
export async function saveMailbox(input: MailboxInput, options: SaveMailboxOptions, db: Db = getDb()): Promise<{ id: string; created: boolean }> {
  const box = options.box ?? mailboxSecretBox();
  return db.$transaction(async (tx) => {
    const existing = input.id
      ? await tx.mailbox.findUnique({ where: { id: input.id } })
      : await tx.mailbox.findUnique({ where: { address: input.address } });
    if (input.id && !existing) throw new MailboxError('That mailbox no longer exists.');
    const clash = await tx.mailbox.findUnique({ where: { address: input.address }, select: { id: true } });
    if (clash && clash.id !== existing?.id) throw new MailboxError(`${input.address} is already a mailbox.`);

    const id = existing?.id ?? `mbx_${randomBytes(12).toString('hex')}`;
    const seal = (field: 'imapPassword' | 'smtpPassword') => {
      const plain = input[field];
      if (plain === undefined) return undefined;
      try {
        return box.seal(plain, secretContext(id, field));
      } catch (error) {
        if (error instanceof SecretKeyError) throw new MailboxError(error.message);
        throw error;
      }
    };
    const fields = {
      address: input.address,
      displayName: input.displayName,
      inboundChannel: input.inboundChannel,
      enabled: input.enabled,
      imapHost: input.imapHost ?? null,
      imapPort: input.imapPort ?? null,
      imapSecurity: input.imapSecurity,
      imapUser: input.imapUser ?? null,
      imapFolder: input.imapFolder,
      imapProcessedFolder: input.imapProcessedFolder ?? null,
      imapSentFolder: input.imapSentFolder ?? null,
      smtpHost: input.smtpHost ?? null,
      smtpPort: input.smtpPort ?? null,
      smtpSecurity: input.smtpSecurity,
      smtpUser: input.smtpUser ?? null,
      signature: input.signature?.trim() ?? null,
    };
    const secrets = { imapPassword: seal('imapPassword'), smtpPassword: seal('smtpPassword') };
    const moved = existing && (existing.imapHost !== fields.imapHost || existing.imapUser !== fields.imapUser || existing.imapFolder !== fields.imapFolder);
    const cursorReset = moved ? { imapUidValidity: null, imapLastUid: 0 } : {};
    // A changed configuration deserves a fresh look: the reader reports again.
    const status = { readerStatus: 'idle', lastError: null, lastErrorAt: null };
    if (existing) {
      await tx.mailbox.update({
        where: { id },
        data: { ...fields, ...definedOnly(secrets), ...cursorReset, ...status, source: options.source === 'env' ? 'env' : existing.source },
      });
    } else {
      await tx.mailbox.create({ data: { id, ...fields, ...definedOnly(secrets), source: options.source } });
    }
    await recordAudit(
      {
        actorId: options.actorId,
        action: existing ? 'mailbox.update' : 'mailbox.create',
        target: `mailbox:${id}`,
        before: existing ? { ...pick(existing, Object.keys(fields)) } : null,
        after: { ...fields, imapPasswordChanged: secrets.imapPassword !== undefined, smtpPasswordChanged: secrets.smtpPassword !== undefined },
      },
      tx,
    );
    return { id, created: !existing };
  });
}

function definedOnly<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function pick(record: Record<string, unknown>, keys: string[]): Record<string, string | number | boolean | null> {
  return Object.fromEntries(keys.map((key) => [key, (record[key] ?? null) as string | number | boolean | null]));
}
