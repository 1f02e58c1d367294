import type { Metadata } from 'next';
import { Badge } from '@/components/badge';
import { requireUser } from '@/lib/web/auth';
import { listMailboxes, type MailboxListItem } from '@/lib/features/mailboxes/list-mailboxes';
import { oauthApps } from '@/lib/features/mailboxes/oauth/oauth-apps';
import { isOAuthConnectFailure, OAUTH_CONNECT_FAILURES } from '@/lib/features/mailboxes/oauth/oauth-connect-error';
import { isOAuthProvider, OAUTH_PROVIDER_PROFILES } from '@/lib/features/mailboxes/oauth/providers';
import { ConnectOAuthForm } from './connect-oauth-form';
import { DeleteMailboxButton } from './delete-mailbox-button';
import { MailboxForm } from './mailbox-form';

export const metadata: Metadata = { title: 'Mailboxes' };
export const dynamic = 'force-dynamic';

const formatDate = (date: Date | null) => (date ? `${date.toISOString().replace('T', ' ').slice(0, 16)} UTC` : '—');

function ReaderState({ mailbox }: { mailbox: MailboxListItem }) {
  if (!mailbox.enabled) return <Badge tone="neutral">Disabled</Badge>;
  if (mailbox.oauthStatus === 'reconnect') return <Badge tone="danger">Needs reconnecting</Badge>;
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

/** What the OAuth callback reported (a known kind only: never text from the URL). */
function OAuthOutcome({ outcome }: { outcome: string | undefined }) {
  if (outcome === 'connected') {
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        Connected. The mailbox is read and answered with its OAuth grant; no password is stored.
      </p>
    );
  }
  if (!isOAuthConnectFailure(outcome)) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {OAUTH_CONNECT_FAILURES[outcome]}
    </p>
  );
}

/** Admins connect support addresses: where mail arrives, and the From and relay replies use. */
export default async function MailboxesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser('admin');
  const mailboxes = await listMailboxes();
  const providers = oauthApps().configured();
  const { oauth } = await searchParams;
  return (
    <div className="space-y-8">
      <OAuthOutcome outcome={typeof oauth === 'string' ? oauth : undefined} />
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
              {isOAuthProvider(mailbox.oauthProvider) ? <Badge tone="neutral">{OAUTH_PROVIDER_PROFILES[mailbox.oauthProvider].label} sign-in</Badge> : null}
              {mailbox.source === 'env' ? <Badge tone="neutral">from MAILBOXES_JSON</Badge> : null}
              <span className="ml-auto">
                <DeleteMailboxButton id={mailbox.id} address={mailbox.address} />
              </span>
            </div>
            {mailbox.oauthStatus === 'reconnect' && isOAuthProvider(mailbox.oauthProvider) ? (
              <div role="alert" className="space-y-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                <p>{mailbox.oauthError ?? 'The provider no longer accepts this mailbox’s sign-in.'} Mail is neither read nor sent from it until it is reconnected.</p>
                <ConnectOAuthForm providers={[mailbox.oauthProvider]} mailboxId={mailbox.id} />
              </div>
            ) : null}
            {mailbox.readerStatus === 'error' && mailbox.lastError && mailbox.oauthStatus !== 'reconnect' ? (
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
      {providers.length > 0 ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-1 font-medium">Connect Gmail or Microsoft 365</h2>
          <p className="mb-3 text-sm text-slate-600">
            Sign in as the mailbox itself; Countersign keeps only the provider’s encrypted grant (IMAP and SMTP with OAuth, no password).
          </p>
          <ConnectOAuthForm providers={providers} />
        </section>
      ) : null}
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-medium">Add a mailbox</h2>
        <MailboxForm />
      </section>
    </div>
  );
}
