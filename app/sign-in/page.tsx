import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authSettings, getSessionUser } from '@/lib/web/auth';
import { safeNextPath } from '@/lib/web/auth/safe-next-path';
import { SignInForm } from './sign-in-form';
import { SsoButton } from './sso-button';

export const metadata: Metadata = { title: 'Sign in' };

interface SignInPageProps {
  searchParams: Promise<{ next?: string | string[]; error?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { next, error } = await searchParams;
  const target = safeNextPath(typeof next === 'string' ? next : null);
  if (await getSessionUser(await headers())) redirect(target);
  const sso = authSettings().sso;
  return (
    <div className="mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-lg font-semibold text-slate-900">Sign in to Countersign</h1>
      <p className="mt-1 text-sm text-slate-600">Accounts are created by an administrator.</p>
      <SsoError code={typeof error === 'string' ? error : undefined} />
      {sso ? <SsoButton label={sso.label} next={target} /> : null}
      <SignInForm next={target} />
    </div>
  );
}

/** A failed single sign-on comes back with a code; only known ones are put in words (never text from the URL). */
function SsoError({ code }: { code: string | undefined }) {
  if (!code) return null;
  const message =
    code === 'SSO_DOMAIN_NOT_ALLOWED'
      ? 'Accounts of your email domain may not sign in here. Ask an admin to admit your domain.'
      : code === 'access_denied'
        ? 'Sign-in was cancelled at your identity provider.'
        : 'Single sign-on did not complete. Try again, or ask an admin.';
  return (
    <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}
