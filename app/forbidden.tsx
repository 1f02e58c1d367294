import Link from 'next/link';

/** Rendered by `forbidden()` (requireUser with too low a role), with status 403. */
export default function Forbidden() {
  return (
    <div className="mx-auto mt-16 max-w-md text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">Ask an administrator if you need a different role.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 hover:underline">
        Back to the inbox
      </Link>
    </div>
  );
}
