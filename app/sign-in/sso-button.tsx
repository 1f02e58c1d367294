'use client';

import { useState } from 'react';
import { Button } from '@/components/button';

/**
 * "Sign in with <your identity provider>": better-auth starts the OpenID Connect flow (state,
 * PKCE) and answers with the provider's URL; the browser goes there and comes back signed in,
 * or to /sign-in with an error code.
 */
export function SsoButton({ label, next }: { label: string; next: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function start() {
    setPending(true);
    setError(null);
    try {
      const response = await fetch('/api/auth/sign-in/social', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ provider: 'sso', callbackURL: next, errorCallbackURL: '/sign-in' }),
      });
      const body = (await response.json().catch(() => ({}))) as { url?: string; message?: string };
      if (response.ok && body.url) window.location.assign(body.url);
      else setError(body.message ?? 'Single sign-on is not available right now.');
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="mt-6 space-y-2">
      <Button type="button" variant="secondary" className="w-full py-2" disabled={pending} onClick={() => void start()}>
        Sign in with {label}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
