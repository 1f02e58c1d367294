import * as client from 'openid-client';
import type { SecretBox } from '../../../platform/crypto/secret-box';
import type { Db } from '../../../platform/db/client';
import { recordAudit } from '../../audit/record-audit';
import { mailboxSecretBox, secretContext } from '../mailbox-secrets';
import type { OAuthApps } from './oauth-apps';
import { describeOAuthFailure } from './describe-oauth-failure';
import { OAuthGrantError } from './oauth-connect-error';
import { isOAuthProvider, OAUTH_PROVIDER_PROFILES } from './providers';

export interface OAuthTokenSource {
  /**
   * A usable access token for the mailbox: the stored one while it has more than the margin
   * left, else a refreshed one. `force` refreshes regardless (the server refused the last one).
   * Throws OAuthGrantError when the grant is gone (the mailbox then shows "Reconnect").
   */
  accessToken(mailboxId: string, options?: { force?: boolean }): Promise<string>;
}

export interface OAuthTokenSourceDeps {
  db: Db;
  apps: OAuthApps;
  box?: SecretBox;
  /** Refresh this long before expiry, so no connection starts with a token about to lapse. */
  marginMs?: number;
  now?: () => number;
}

const DEFAULT_MARGIN_MS = 5 * 60_000;

/**
 * Access tokens for OAuth mailboxes, refreshed before they expire and stored sealed like the
 * passwords. One refresh at a time per mailbox in a process (the reader and a reply may ask
 * together). A refused refresh (invalid_grant: revoked, expired, password changed) marks the
 * mailbox for reconnecting, with the reason, instead of failing quietly forever; other
 * failures (provider unreachable) are thrown for the caller's retry.
 */
export function createOAuthTokenSource(deps: OAuthTokenSourceDeps): OAuthTokenSource {
  const box = deps.box ?? mailboxSecretBox();
  const margin = deps.marginMs ?? DEFAULT_MARGIN_MS;
  const now = deps.now ?? Date.now;
  const inFlight = new Map<string, Promise<string>>();

  const refresh = async (mailboxId: string): Promise<string> => {
    const row = await deps.db.mailbox.findUniqueOrThrow({ where: { id: mailboxId }, select: { address: true, oauthProvider: true, oauthRefreshToken: true, oauthStatus: true, oauthError: true } });
    if (!isOAuthProvider(row.oauthProvider) || !row.oauthRefreshToken) throw new OAuthGrantError(`${row.address} is not connected with OAuth: connect it in Admin → Mailboxes.`);
    if (row.oauthStatus === 'reconnect') throw new OAuthGrantError(row.oauthError ?? `${row.address} must be reconnected in Admin → Mailboxes.`);
    const config = await deps.apps.configuration(row.oauthProvider);
    const refreshToken = box.open(row.oauthRefreshToken, secretContext(mailboxId, 'oauthRefreshToken'));
    let tokens: Awaited<ReturnType<typeof client.refreshTokenGrant>>;
    try {
      tokens = await client.refreshTokenGrant(config, refreshToken);
    } catch (failure) {
      if (failure instanceof client.ResponseBodyError && failure.error === 'invalid_grant') {
        const label = OAUTH_PROVIDER_PROFILES[row.oauthProvider].label;
        const message = `${label} no longer accepts this mailbox's sign-in (${describeOAuthFailure(failure)}): access was revoked or expired. Reconnect it in Admin → Mailboxes.`;
        // Only the grant that failed is marked: a reconnect that raced this keeps its new one.
        const marked = await deps.db.mailbox.updateMany({
          where: { id: mailboxId, oauthRefreshToken: row.oauthRefreshToken },
          data: { oauthStatus: 'reconnect', oauthError: message, oauthAccessToken: null, oauthExpiresAt: null },
        });
        if (marked.count > 0) await recordAudit({ actorId: null, action: 'mailbox.oauth_revoked', target: `mailbox:${mailboxId}`, before: null, after: { provider: row.oauthProvider } }, deps.db);
        throw new OAuthGrantError(message);
      }
      throw new Error(`Refreshing the ${row.oauthProvider} token of ${row.address} failed: ${describeOAuthFailure(failure)}`);
    }
    const expiresAt = new Date(now() + (tokens.expiresIn() ?? 3600) * 1000);
    await deps.db.mailbox.updateMany({
      where: { id: mailboxId, oauthRefreshToken: row.oauthRefreshToken },
      data: {
        oauthAccessToken: box.seal(tokens.access_token, secretContext(mailboxId, 'oauthAccessToken')),
        oauthExpiresAt: expiresAt,
        // Microsoft rotates refresh tokens (the old one stays valid a while); Google keeps it.
        ...(tokens.refresh_token ? { oauthRefreshToken: box.seal(tokens.refresh_token, secretContext(mailboxId, 'oauthRefreshToken')) } : {}),
      },
    });
    return tokens.access_token;
  };

  return {
    async accessToken(mailboxId, options = {}) {
      if (!options.force) {
        const row = await deps.db.mailbox.findUniqueOrThrow({ where: { id: mailboxId }, select: { oauthAccessToken: true, oauthExpiresAt: true, oauthStatus: true, oauthError: true, address: true } });
        if (row.oauthStatus === 'reconnect') throw new OAuthGrantError(row.oauthError ?? `${row.address} must be reconnected in Admin → Mailboxes.`);
        if (row.oauthAccessToken && row.oauthExpiresAt && row.oauthExpiresAt.getTime() - margin > now()) {
          return box.open(row.oauthAccessToken, secretContext(mailboxId, 'oauthAccessToken'));
        }
      }
      let pending = inFlight.get(mailboxId);
      if (!pending) {
        pending = refresh(mailboxId).finally(() => inFlight.delete(mailboxId));
        inFlight.set(mailboxId, pending);
      }
      return pending;
    },
  };
}
