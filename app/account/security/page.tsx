import type { Metadata } from 'next';
import { requireUser } from '@/lib/web/auth';
import { getTwoFactorState } from '@/lib/features/users/two-factor-state';
import { TwoFactorSetup } from './two-factor-setup';
import { ChangePasswordForm } from './change-password-form';

export const metadata: Metadata = { title: 'Security' };
export const dynamic = 'force-dynamic';

/** Everyone's own sign-in security: their password, and two-factor with an authenticator app and recovery codes. */
export default async function SecurityPage() {
  const user = await requireUser('agent');
  const state = await getTwoFactorState(user.id);
  return (
    <div className="max-w-xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Sign-in security</h1>
        <p className="mt-1 text-sm text-slate-600">
          Two-factor sign-in asks for a code from an authenticator app (Google Authenticator, 1Password, Microsoft Authenticator…) after your
          password. Recovery codes let you in once each if you lose the device.
        </p>
      </div>
      {state.required && !state.enabled ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your organisation requires two-factor sign-in for your role: set it up to continue.
        </p>
      ) : null}
      {state.passwordAccount ? (
        <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="password-heading" className="mb-3 text-sm font-semibold text-slate-700">
            Password
          </h2>
          <ChangePasswordForm />
        </section>
      ) : null}
      {state.passwordAccount ? (
        <TwoFactorSetup enabled={state.enabled} required={state.required} />
      ) : (
        <p className="text-sm text-slate-600">You sign in through your organisation’s identity provider; its own two-factor rules apply.</p>
      )}
    </div>
  );
}
