import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/web/auth';
import { safeNextPath } from '@/lib/web/auth/safe-next-path';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

interface SignInPageProps {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { next } = await searchParams;
  const target = safeNextPath(typeof next === 'string' ? next : null);
  if (await getSessionUser(await headers())) redirect(target);
  return (
    <div className="mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-lg font-semibold text-slate-900">Sign in to Countersign</h1>
      <p className="mt-1 text-sm text-slate-600">Accounts are created by an administrator.</p>
      <SignInForm next={target} />
    </div>
  );
}
