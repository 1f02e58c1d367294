'use client';

import { useState } from 'react';
import { Button } from '@/components/button';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none';

async function post(path: string, body: unknown): Promise<{ ok: boolean; data: Record<string, unknown> }> {
  const response = await fetch(`/api/auth${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'same-origin', body: JSON.stringify(body) });
  return { ok: response.ok, data: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

/**
 * Turn two-factor on (password → the app's key and ten recovery codes → a code from the app
 * proves it works) or off. better-auth's endpoints do the work; nothing here is stored.
 */
export function TwoFactorSetup({ enabled, required }: { enabled: boolean; required: boolean }) {
  const [stage, setStage] = useState<'idle' | 'verify' | 'done'>(enabled ? 'done' : 'idle');
  const [uri, setUri] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await work();
    } catch {
      setError('Could not reach the server. Try again.');
    } finally {
      setPending(false);
    }
  };
  const field = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';

  if (stage === 'done') {
    return (
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <p role="status" className="text-sm text-emerald-700">
          Two-factor sign-in is on.
        </p>
        {codes.length > 0 ? <RecoveryCodes codes={codes} /> : null}
        {required ? null : (
          <form
            className="flex items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              const form = event.currentTarget;
              void run(async () => {
                const result = await post('/two-factor/disable', { password: field(form, 'password') });
                if (result.ok) window.location.reload();
                else setError('Wrong password.');
              });
            }}
          >
            <label className="flex-1 text-sm">
              <span className="font-medium text-slate-700">Password (to turn it off)</span>
              <input name="password" type="password" autoComplete="current-password" className={input} />
            </label>
            <Button type="submit" variant="danger" disabled={pending}>
              Turn off
            </Button>
          </form>
        )}
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      </div>
    );
  }

  if (stage === 'verify') {
    const secret = new URL(uri).searchParams.get('secret') ?? '';
    return (
      <form
        aria-label="Confirm two-factor"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          void run(async () => {
            const result = await post('/two-factor/verify-totp', { code: field(form, 'code').replace(/\s+/g, '') });
            if (result.ok) setStage('done');
            else setError('That code is not right: check the app’s clock and try the next code.');
          });
        }}
      >
        <p className="text-sm">
          Add this key to your authenticator app (choose “enter a setup key”), or open the link on the phone that has the app:
        </p>
        <p className="break-all rounded bg-slate-50 px-3 py-2 font-mono text-sm" data-testid="totp-secret">
          {secret}
        </p>
        <a href={uri} className="block break-all text-xs text-brand-700 underline" data-testid="totp-uri">
          {uri}
        </a>
        <RecoveryCodes codes={codes} />
        <label className="block text-sm">
          <span className="font-medium text-slate-700">Code from the app</span>
          <input name="code" autoComplete="one-time-code" inputMode="numeric" required className={input} />
        </label>
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
        <Button type="submit" variant="primary" disabled={pending}>
          Turn on
        </Button>
      </form>
    );
  }

  return (
    <form
      aria-label="Set up two-factor"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        void run(async () => {
          const result = await post('/two-factor/enable', { password: field(form, 'password') });
          if (!result.ok || typeof result.data.totpURI !== 'string') {
            setError('Wrong password.');
            return;
          }
          setUri(result.data.totpURI);
          setCodes(Array.isArray(result.data.backupCodes) ? result.data.backupCodes.map(String) : []);
          setStage('verify');
        });
      }}
    >
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Your password</span>
        <input name="password" type="password" autoComplete="current-password" required className={input} />
      </label>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <Button type="submit" variant="primary" disabled={pending}>
        Set up two-factor sign-in
      </Button>
    </form>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="text-sm">
      <p className="font-medium text-slate-700">Recovery codes: keep them somewhere safe; each works once.</p>
      <ul className="mt-1 grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}
