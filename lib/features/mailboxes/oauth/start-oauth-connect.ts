import * as client from 'openid-client';
import { getDb, type DbClient } from '../../../platform/db';
import { mailboxKey } from '../../../platform/mail/mailbox';
import { MailboxError } from '../mailbox-error';
import type { OAuthApps } from './oauth-apps';
import { OAUTH_PROVIDER_PROFILES, type OAuthProvider } from './providers';

/** How long the provider's answer may take (a person reading a consent screen). */
export const OAUTH_REQUEST_TTL_MS = 10 * 60_000;

export type StartOAuthConnectInput = {
  provider: OAuthProvider;
  actorId: string;
  redirectUri: string;
} & ({ mailboxId: string } | { address: string; displayName: string });

/**
 * The first leg of the authorisation-code flow with PKCE: a one-time state, verifier and
 * nonce are kept server-side for the callback, and the provider's authorisation URL is
 * returned for the browser. Nothing about the mailbox changes until the callback succeeds.
 */
export async function startOAuthConnect(input: StartOAuthConnectInput, apps: OAuthApps, db: DbClient = getDb()): Promise<URL> {
  const config = await apps.configuration(input.provider);
  let target: { mailboxId: string | null; address: string; displayName: string };
  if ('mailboxId' in input) {
    const row = await db.mailbox.findUnique({ where: { id: input.mailboxId }, select: { id: true, address: true, displayName: true } });
    if (!row) throw new MailboxError('That mailbox no longer exists.');
    target = { mailboxId: row.id, address: row.address, displayName: row.displayName };
  } else {
    const address = mailboxKey(input.address);
    const clash = await db.mailbox.findUnique({ where: { address }, select: { id: true } });
    if (clash) throw new MailboxError(`${address} is already a mailbox: use its Reconnect button.`);
    target = { mailboxId: null, address, displayName: input.displayName };
  }
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await db.mailboxOAuthRequest.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await db.mailboxOAuthRequest.create({
    data: { state, provider: input.provider, ...target, codeVerifier, nonce, actorId: input.actorId, expiresAt: new Date(Date.now() + OAUTH_REQUEST_TTL_MS) },
  });
  const profile = OAUTH_PROVIDER_PROFILES[input.provider];
  return client.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: profile.scopes.join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    // The provider preselects (and Microsoft restricts the picker to) the mailbox's account.
    login_hint: target.address,
    ...profile.authorizationParams,
  });
}
