import 'server-only';
import { authSettings } from './auth/get-auth';

/** The redirect URI to register with Google and Microsoft: the callback at the public URL (APP_URL). */
export function mailboxOAuthRedirectUri(): string {
  return new URL('/api/mailboxes/oauth/callback', authSettings().baseURL).href;
}
