import { signOutAction } from '@/lib/web/auth/sign-out-action';

/** A plain form post, so signing out works before (and without) client JavaScript. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="text-sm text-slate-600 hover:text-slate-900">
        Sign out
      </button>
    </form>
  );
}
