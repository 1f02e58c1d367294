'use client';

import { Button } from '@/components/button';
import { useFormAction } from '@/components/use-form-action';
import { saveMailboxAction, type SaveMailboxResult } from './actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none';

export interface MailboxFormValues {
  id?: string;
  address: string;
  displayName: string;
  inboundChannel: string;
  enabled: boolean;
  imapHost: string | null;
  imapPort: number | null;
  imapSecurity: string;
  imapUser: string | null;
  imapFolder: string;
  imapProcessedFolder: string | null;
  imapSentFolder: string | null;
  signature: string | null;
  oauthProvider: string | null;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecurity: string;
  smtpUser: string | null;
  hasImapPassword: boolean;
  hasSmtpPassword: boolean;
}

const EMPTY: MailboxFormValues = {
  address: '',
  displayName: '',
  inboundChannel: 'imap',
  enabled: true,
  imapHost: null,
  imapPort: null,
  imapSecurity: 'tls',
  imapUser: null,
  imapFolder: 'INBOX',
  imapProcessedFolder: null,
  imapSentFolder: null,
  signature: null,
  oauthProvider: null,
  smtpHost: null,
  smtpPort: null,
  smtpSecurity: 'tls',
  smtpUser: null,
  hasImapPassword: false,
  hasSmtpPassword: false,
};

function Field({ label, name, error, children }: { label: string; name: string; error?: string; children: React.ReactNode }) {
  return (
    <label className="text-sm" htmlFor={undefined}>
      <span className="font-medium text-slate-700">{label}</span>
      {children}
      {error ? (
        <span className="mt-1 block text-xs text-red-700" data-field={name}>
          {error}
        </span>
      ) : null}
    </label>
  );
}

/** Create or edit one mailbox. Password fields are always empty: a stored one is kept unless replaced. */
export function MailboxForm({ values = EMPTY }: { values?: MailboxFormValues }) {
  const { state: result, pending, formRef, onSubmit } = useFormAction<SaveMailboxResult>(saveMailboxAction, null, (r) => r?.ok === true && !values.id);
  const error = (name: string) => (result && !result.ok ? result.fieldErrors?.[name] : undefined);
  const prefix = values.id ?? 'new';
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" aria-label={values.id ? `Edit ${values.address}` : 'New mailbox'}>
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-4">
        <Field label="Address" name="address" error={error('address')}>
          <input name="address" type="email" required defaultValue={values.address} placeholder="support@example.com" className={input} />
        </Field>
        <Field label="Display name" name="displayName" error={error('displayName')}>
          <input name="displayName" required defaultValue={values.displayName} placeholder="Example Support" className={input} />
        </Field>
        <Field label="Mail arrives by" name="inboundChannel" error={error('inboundChannel')}>
          <select name="inboundChannel" defaultValue={values.inboundChannel} className={input}>
            <option value="imap">IMAP (Countersign reads the mailbox)</option>
            <option value="smtp">SMTP (MX or forwarding to Countersign)</option>
            <option value="postmark">Postmark webhook</option>
            <option value="sendgrid">SendGrid Inbound Parse</option>
            <option value="mailgun">Mailgun route</option>
            <option value="api">POST /api/inbound (own relay)</option>
          </select>
        </Field>
        <Field label="Enabled" name="enabled">
          <select name="enabled" defaultValue={String(values.enabled)} className={input}>
            <option value="true">Yes</option>
            <option value="false">No (not read; replies still use it)</option>
          </select>
        </Field>
      </div>
      <Field label="Signature for saved replies ({{signature}}; empty: the display name)" name="signature" error={error('signature')}>
        <textarea name="signature" rows={3} defaultValue={values.signature ?? ''} placeholder={'Example Support\nhelp.example.com'} className={input} />
      </Field>
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-4">
        <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-500">IMAP (for IMAP mailboxes)</legend>
        <Field label="Server" name="imapHost" error={error('imapHost')}>
          <input name="imapHost" defaultValue={values.imapHost ?? ''} placeholder="imap.gmail.com" className={input} />
        </Field>
        <Field label="Port" name="imapPort" error={error('imapPort')}>
          <input name="imapPort" inputMode="numeric" defaultValue={values.imapPort ?? ''} placeholder="993" className={input} />
        </Field>
        <Field label="Security" name="imapSecurity" error={error('imapSecurity')}>
          <select name="imapSecurity" defaultValue={values.imapSecurity} className={input}>
            <option value="tls">TLS (993)</option>
            <option value="starttls">STARTTLS (143)</option>
            <option value="none">None (this machine only)</option>
          </select>
        </Field>
        <Field label="User" name="imapUser" error={error('imapUser')}>
          <input name="imapUser" defaultValue={values.imapUser ?? ''} placeholder="support@example.com" autoComplete="off" className={input} />
        </Field>
        {values.oauthProvider ? (
          <p className="self-end text-sm text-slate-600">Signs in with its {values.oauthProvider === 'google' ? 'Google' : 'Microsoft'} grant (no password).</p>
        ) : (
          <Field label="Password or app password" name="imapPassword" error={error('imapPassword')}>
            <input
              id={`${prefix}-imap-password`}
              name="imapPassword"
              type="password"
              autoComplete="new-password"
              placeholder={values.hasImapPassword ? 'stored; leave empty to keep' : ''}
              className={input}
            />
          </Field>
        )}
        <Field label="Folder" name="imapFolder" error={error('imapFolder')}>
          <input name="imapFolder" defaultValue={values.imapFolder} className={input} />
        </Field>
        <Field label="Move read mail to (optional)" name="imapProcessedFolder" error={error('imapProcessedFolder')}>
          <input name="imapProcessedFolder" defaultValue={values.imapProcessedFolder ?? ''} placeholder="leave empty: mark as read" className={input} />
        </Field>
        <Field label="File copies of replies in (optional)" name="imapSentFolder" error={error('imapSentFolder')}>
          <input name="imapSentFolder" defaultValue={values.imapSentFolder ?? ''} placeholder="e.g. Sent; empty for Gmail and Microsoft 365" className={input} />
        </Field>
      </fieldset>
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-5">
        <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Outgoing SMTP (empty: the default relay, SMTP_URL)</legend>
        <Field label="Server" name="smtpHost" error={error('smtpHost')}>
          <input name="smtpHost" defaultValue={values.smtpHost ?? ''} placeholder="smtp.gmail.com" className={input} />
        </Field>
        <Field label="Port" name="smtpPort" error={error('smtpPort')}>
          <input name="smtpPort" inputMode="numeric" defaultValue={values.smtpPort ?? ''} placeholder="465" className={input} />
        </Field>
        <Field label="Security" name="smtpSecurity" error={error('smtpSecurity')}>
          <select name="smtpSecurity" defaultValue={values.smtpSecurity} className={input}>
            <option value="tls">TLS (465)</option>
            <option value="starttls">STARTTLS (587)</option>
            <option value="none">None (this machine only)</option>
          </select>
        </Field>
        <Field label="User" name="smtpUser" error={error('smtpUser')}>
          <input name="smtpUser" defaultValue={values.smtpUser ?? ''} autoComplete="off" className={input} />
        </Field>
        {values.oauthProvider ? null : (
          <Field label="Password" name="smtpPassword" error={error('smtpPassword')}>
            <input name="smtpPassword" type="password" autoComplete="new-password" placeholder={values.hasSmtpPassword ? 'stored; leave empty to keep' : ''} className={input} />
          </Field>
        )}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Saving…' : values.id ? 'Save mailbox' : 'Add mailbox'}
        </Button>
        {result && !result.ok ? (
          <p role="alert" className="text-sm text-red-700">
            {result.error}
          </p>
        ) : null}
        {result?.ok ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved. Passwords are stored encrypted and never shown again.
          </p>
        ) : null}
      </div>
    </form>
  );
}
