'use client';

import { useActionState } from 'react';
import { Button } from '@/components/button';
import { OAUTH_PROVIDER_PROFILES, type OAuthProvider } from '@/lib/features/mailboxes/oauth/providers';
import { connectOAuthAction, type ConnectOAuthResult } from './actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none';

/**
 * "Connect with Google / Microsoft" for a new mailbox, or "Reconnect" for one whose grant was
 * refused. The action sends the browser to the provider; only the callback stores anything.
 */
export function ConnectOAuthForm({ providers, mailboxId }: { providers: OAuthProvider[]; mailboxId?: string }) {
  const [result, formAction, pending] = useActionState<ConnectOAuthResult, FormData>(connectOAuthAction, null);
  const fieldError = (name: string) => (result && !result.ok ? result.fieldErrors?.[name] : undefined);
  return (
    <form action={formAction} className="space-y-3" aria-label={mailboxId ? 'Reconnect' : 'Connect a mailbox with OAuth'}>
      {mailboxId ? (
        <input type="hidden" name="mailboxId" value={mailboxId} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <label className="text-sm">
            <span className="font-medium text-slate-700">Address</span>
            <input name="address" type="email" required placeholder="support@example.com" className={input} />
            {fieldError('address') ? <span className="mt-1 block text-xs text-red-700">{fieldError('address')}</span> : null}
          </label>
          <label className="text-sm">
            <span className="font-medium text-slate-700">Display name</span>
            <input name="displayName" required placeholder="Example Support" className={input} />
            {fieldError('displayName') ? <span className="mt-1 block text-xs text-red-700">{fieldError('displayName')}</span> : null}
          </label>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {providers.map((provider) => (
          <Button key={provider} type="submit" name="provider" value={provider} variant={mailboxId ? 'primary' : 'secondary'} disabled={pending}>
            {mailboxId ? 'Reconnect' : 'Connect with'} {OAUTH_PROVIDER_PROFILES[provider].label}
          </Button>
        ))}
        {result && !result.ok && !result.fieldErrors ? (
          <span role="alert" className="text-sm text-red-700">
            {result.error}
          </span>
        ) : null}
      </div>
    </form>
  );
}
