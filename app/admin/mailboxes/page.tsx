import type { Metadata } from 'next';
import { Badge } from '@/components/badge';
import { requireUser } from '@/lib/web/auth';
import { listMailboxes, type MailboxListItem } from '@/lib/features/mailboxes/list-mailboxes';
import { DeleteMailboxButton } from './delete-mailbox-button';
import { MailboxForm } from './mailbox-form';

export const metadata: Metadata = { title: 'Mailboxes' };
export const dynamic = 'force-dynamic';

const formatDate = (date: Date | null) => (date ? `${date.toISOString().replace('T', ' ').slice(0, 16)} UTC` : '—');

function ReaderState({ mailbox }: { mailbox: MailboxListItem }) {
  if (!mailbox.enabled) return <Badge tone="neutral">Disabled</Badge>;
  if (mailbox.inboundChannel !== 'imap') return <Badge tone="neutral">Receives by {mailbox.inboundChannel}</Badge>;
  switch (mailbox.readerStatus) {
    case 'ok':
      return <Badge tone="success">Reading · {formatDate(mailbox.lastReadAt)}</Badge>;
    case 'error':
      return <Badge tone="danger">Cannot read</Badge>;
    case 'connecting':
      return <Badge tone="warning">Connecting</Badge>;
    default:
      return <Badge tone="neutral">Waiting for a worker</Badge>;
  }
}

/** Admins connect support addresses: where mail arrives, and the From and relay replies use. */
export default async function MailboxesPage() {
  await requireUser('admin');
  const mailboxes = await listMailboxes();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-xl font-semibold">Mailboxes</h1>
        <p className="mt-1 text-sm text-slate-600">
          Each mailbox is an address customers write to. Replies leave from the mailbox the conversation came in on. Passwords are encrypted
          (MAILBOX_SECRET_KEY) and never shown again. See the README’s “Connect your mailbox” for Gmail, Microsoft 365, Fastmail and the webhooks.
        </p>
      </div>
      <ul className="space-y-4" aria-label="Mailboxes">
        {mailboxes.map((mailbox) => (
          <li key={mailbox.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={mailbox.address}>
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-medium">{mailbox.displayName}</span>
              <span className="font-mono text-sm text-slate-600">{mailbox.address}</span>
              <ReaderState mailbox={mailbox} />
              {mailbox.source === 'env' ? <Badge tone="neutral">from MAILBOXES_JSON</Badge> : null}
              <span className="ml-auto">
                <DeleteMailboxButton id={mailbox.id} address={mailbox.address} />
              </span>
            </div>
            {mailbox.readerStatus === 'error' && mailbox.lastError ? (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                {mailbox.lastError} <span className="text-red-600">({formatDate(mailbox.lastErrorAt)})</span>
              </p>
            ) : null}
            <details>
              <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit settings</summary>
              <div className="mt-3">
                <MailboxForm values={mailbox} />
              </div>
            </details>
          </li>
        ))}
        {mailboxes.length === 0 ? <li className="text-sm text-slate-500">No mailboxes yet: replies use MAIL_FROM and SMTP_URL.</li> : null}
      </ul>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-medium">Add a mailbox</h2>
        <MailboxForm />
      </section>
    </div>
  );
}
