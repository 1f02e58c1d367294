import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { SecretBox } from '../../../platform/crypto/secret-box';
import { getDb, type Db } from '../../../platform/db';
import { recordAudit } from '../../audit/record-audit';
import { mailboxSecretBox, secretContext } from '../mailbox-secrets';
import type { OAuthApps } from './oauth-apps';
import { describeOAuthFailure } from './describe-oauth-failure';
import { OAuthConnectError } from './oauth-connect-error';
import { grantedAll } from './granted-scopes';
import { isOAuthProvider, OAUTH_PROVIDER_PROFILES, type OAuthProvider } from './providers';

export interface CompleteOAuthConnectInput {
  /** The redirect URI registered with the provider (the callback's public URL). */
  redirectUri: string;
  /** The callback's query string as the provider sent it. */
  params: URLSearchParams;
  actorId: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The callback: the one-time state is consumed, the code exchanged with the PKCE verifier,
 * and the grant checked before anything is stored: the id token's account must be the
 * mailbox address (and, for Microsoft, of the configured tenant), the mail scopes granted and
 * a refresh token issued. Only then are the tokens sealed onto the mailbox (created now for a
 * new one), in one transaction: a refused grant leaves no half-connected mailbox.
 */
export async function completeOAuthConnect(
  input: CompleteOAuthConnectInput,
  apps: OAuthApps,
  options: { box?: SecretBox; now?: Date } = {},
  db: Db = getDb(),
): Promise<{ mailboxId: string; created: boolean; provider: OAuthProvider }> {
  const now = options.now ?? new Date();
  const state = input.params.get('state') ?? '';
  const request = state ? await db.mailboxOAuthRequest.findUnique({ where: { state } }) : null;
  // One use only: a replayed callback finds nothing.
  if (request) await db.mailboxOAuthRequest.deleteMany({ where: { state } });
  if (!request || request.expiresAt < now || request.actorId !== input.actorId || !isOAuthProvider(request.provider)) {
    throw new OAuthConnectError('expired', request ? 'expired, foreign or unknown provider' : 'unknown state');
  }
  const provider = request.provider;
  const error = input.params.get('error');
  if (error) {
    const detail = `${error}: ${(input.params.get('error_description') ?? '').slice(0, 300)}`;
    throw new OAuthConnectError(error === 'access_denied' || error === 'consent_required' ? 'denied' : 'provider_error', detail);
  }

  const config = await apps.configuration(provider);
  const callback = new URL(input.redirectUri);
  callback.search = input.params.toString();
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: request.state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
  } catch (failure) {
    throw new OAuthConnectError('provider_error', describeOAuthFailure(failure));
  }

  const claims = tokens.claims();
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const account = (text(claims?.email) || text(claims?.preferred_username)).toLowerCase();
  if (account !== request.address) throw new OAuthConnectError('wrong_account', `signed in as ${account || 'an account without an email'}, mailbox ${request.address}`);
  const tenant = apps.settings(provider).tenant;
  if (provider === 'microsoft' && tenant && GUID.test(tenant) && text(claims?.tid).toLowerCase() !== tenant.toLowerCase()) {
    throw new OAuthConnectError('wrong_tenant', `token tenant ${text(claims?.tid) || 'none'}`);
  }
  const profile = OAUTH_PROVIDER_PROFILES[provider];
  if (!grantedAll(tokens.scope, profile.requiredScopes)) throw new OAuthConnectError('missing_scope', `granted: ${tokens.scope ?? '(none)'}`);
  if (!tokens.refresh_token) throw new OAuthConnectError('no_refresh_token');

  const box = options.box ?? mailboxSecretBox();
  const expiresIn = tokens.expiresIn();
  return db.$transaction(async (tx) => {
    const existing = request.mailboxId ? await tx.mailbox.findUnique({ where: { id: request.mailboxId } }) : null;
    if (request.mailboxId && !existing) throw new OAuthConnectError('expired', 'mailbox deleted meanwhile');
    const id = existing?.id ?? `mbx_${randomBytes(12).toString('hex')}`;
    const grant = {
      oauthProvider: provider,
      oauthRefreshToken: box.seal(tokens.refresh_token ?? '', secretContext(id, 'oauthRefreshToken')),
      oauthAccessToken: box.seal(tokens.access_token, secretContext(id, 'oauthAccessToken')),
      oauthExpiresAt: new Date(now.getTime() + (expiresIn ?? 3600) * 1000),
      oauthStatus: 'connected',
      oauthError: null,
      // Passwords no longer apply; the reader reports afresh.
      imapPassword: null,
      smtpPassword: null,
      readerStatus: 'idle',
      lastError: null,
      lastErrorAt: null,
    };
    if (existing) {
      await tx.mailbox.update({ where: { id }, data: grant });
    } else {
      await tx.mailbox.create({
        data: {
          id,
          address: request.address,
          displayName: request.displayName,
          inboundChannel: 'imap',
          imapHost: profile.imap.host,
          imapPort: profile.imap.port,
          imapSecurity: profile.imap.security,
          imapUser: request.address,
          smtpHost: profile.smtp.host,
          smtpPort: profile.smtp.port,
          smtpSecurity: profile.smtp.security,
          smtpUser: request.address,
          source: 'ui',
          ...grant,
        },
      });
    }
    await recordAudit({ actorId: input.actorId, action: existing ? 'mailbox.oauth_reconnect' : 'mailbox.oauth_connect', target: `mailbox:${id}`, before: null, after: { provider, address: request.address, scope: tokens.scope ?? null } }, tx);
    return { mailboxId: id, created: !existing, provider };
  });
}
