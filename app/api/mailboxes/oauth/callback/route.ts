import { redirect } from 'next/navigation';
import { apiHandler } from '@/lib/web/api/api-handler';
import { mailboxOAuthRedirectUri } from '@/lib/web/mailbox-oauth-redirect';
import { completeOAuthConnect } from '@/lib/features/mailboxes/oauth/complete-oauth-connect';
import { oauthApps } from '@/lib/features/mailboxes/oauth/oauth-apps';
import { OAuthConnectError } from '@/lib/features/mailboxes/oauth/oauth-connect-error';

export const dynamic = 'force-dynamic';

/**
 * GET /api/mailboxes/oauth/callback: where Google or Microsoft return the admin after consent.
 * The outcome goes back to the mailboxes page as a known kind (never the provider's text);
 * the log gets the provider's reason, never a token.
 */
export const GET = apiHandler('admin', async (request, admin) => {
  let outcome: string;
  try {
    const done = await completeOAuthConnect({ redirectUri: mailboxOAuthRedirectUri(), params: new URL(request.url).searchParams, actorId: admin.id }, oauthApps());
    outcome = `oauth=connected&mailbox=${encodeURIComponent(done.mailboxId)}`;
  } catch (error) {
    if (!(error instanceof OAuthConnectError)) throw error;
    console.warn(`Mailbox OAuth refused (${error.kind})${error.detail ? `: ${error.detail}` : ''}`);
    outcome = `oauth=${error.kind}`;
  }
  redirect(`/admin/mailboxes?${outcome}`);
});
