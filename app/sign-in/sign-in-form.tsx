'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';

interface SignInFormProps {
  /** Already validated by the page as a same-site path. */
  next: string;
}

// Posts to better-auth's endpoint (not a server action) so its per-address rate limit applies.
async function signIn(email: string, password: string): Promise<string | null> {
  const response = await fetch('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ email, password, rememberMe: true }),
  });
  if (response.ok) return null;
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  if (response.status === 401) return 'Wrong email or password.';
  if (response.status === 429) {
    const wait = response.headers.get('x-retry-after');
    return wait ? `Too many attempts. Try again in ${wait} seconds.` : 'Too many attempts. Try again shortly.';
  }
  return body.message ?? 'Sign-in failed. Try again.';
}

export function SignInForm({ next }: SignInFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: HTMLFormElement) {
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    setPending(true);
    setError(null);
    try {
      const failure = await signIn(field('email'), field('password'));
      if (failure) setError(failure);
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
