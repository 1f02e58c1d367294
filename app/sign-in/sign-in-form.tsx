'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';

interface SignInFormProps {
  /** Already validated by the page as a same-site path. */
  next: string;
}

type Outcome = { kind: 'signed-in' } | { kind: 'code-needed' } | { kind: 'refused'; message: string };

// Posts to better-auth's endpoint (not a server action) so its per-address rate limit applies.
async function signIn(email: string, password: string): Promise<Outcome> {
  const response = await fetch('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ email, password, rememberMe: true }),
  });
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string; twoFactorRedirect?: boolean };
  if (response.ok) return body.twoFactorRedirect ? { kind: 'code-needed' } : { kind: 'signed-in' };
  return { kind: 'refused', message: refusal(response, body, 'Wrong email or password.') };
}

/** The second step: a six-digit code from the app, or one of the recovery codes. */
async function verifyCode(code: string): Promise<Outcome> {
  const trimmed = code.replace(/\s+/g, '');
  const path = /^\d{6}$/.test(trimmed) ? '/api/auth/two-factor/verify-totp' : '/api/auth/two-factor/verify-backup-code';
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ code: trimmed }),
  });
  if (response.ok) return { kind: 'signed-in' };
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  return { kind: 'refused', message: refusal(response, body, 'That code is not right (or a recovery code was already used).') };
}

function refusal(response: Response, body: { message?: string }, unauthorized: string): string {
  if (response.status === 401) return unauthorized;
  if (response.status === 429) {
    const wait = response.headers.get('x-retry-after');
    return wait ? `Too many attempts. Try again in ${wait} seconds.` : 'Too many attempts. Try again shortly.';
  }
  return body.message ?? 'Sign-in failed. Try again.';
}

export function SignInForm({ next }: SignInFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [step, setStep] = useState<'password' | 'code'>('password');

  async function submit(form: HTMLFormElement) {
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    setPending(true);
    setError(null);
    try {
      const outcome = step === 'password' ? await signIn(field('email'), field('password')) : await verifyCode(field('code'));
      if (outcome.kind === 'refused') setError(outcome.message);
      else if (outcome.kind === 'code-needed') setStep('code');
      // A full navigation, so every server component renders with the new session.
      else window.location.assign(next);
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    } finally {
      setPending(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit(event.currentTarget);
  }

  if (step === 'code') {
    return (
      <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate aria-label="Two-factor code">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Code from your authenticator app, or a recovery code</span>
          <input
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            required
            autoFocus
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono tracking-widest focus:border-slate-500 focus:outline-none"
          />
        </label>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" variant="primary" disabled={pending} className="w-full py-2">
          {pending ? 'Checking…' : 'Verify'}
        </Button>
      </form>
    );
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Email</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-slate-500 focus:outline-none"
        />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-slate-500 focus:outline-none"
        />
      </label>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={pending} className="w-full py-2">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
