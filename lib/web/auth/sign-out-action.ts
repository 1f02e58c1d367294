'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authSettings, getAuth } from './get-auth';
import { isAllowedOrigin } from './origin';

/** Ends this browser's session (row and cookie) and returns to the sign-in page. */
export async function signOutAction(): Promise<void> {
  const requestHeaders = await headers();
  // A forged sign-out is only a nuisance, but it is one we can refuse for free.
  if (isAllowedOrigin({ headers: requestHeaders, trustedOrigins: authSettings().trustedOrigins })) {
    const auth = await getAuth();
    await auth.api.signOut({ headers: requestHeaders });
  }
  redirect('/sign-in');
}
