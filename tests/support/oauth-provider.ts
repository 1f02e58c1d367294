import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { OAuth2Server } from 'oauth2-mock-server';

/** What the person at the consent screen does at the next authorisation. */
export interface Consent {
  /** The account they sign in with (the id token's email). */
  email: string;
  decision: 'allow' | 'deny';
  /** Scopes they grant; default: everything asked for (Google lets people untick some). */
  grantScopes?: (asked: string[]) => string[];
  /** Extra id token claims (Microsoft's `tid`). */
  claims?: Record<string, unknown>;
}

interface Grant {
  id: string;
  email: string;
  clientId: string;
  scopes: string[];
  refreshToken: string;
  revoked: boolean;
}

export interface OAuthProviderSim {
  issuer: string;
  /** RFC 7662 introspection that reports a token active only when it carries `requiredScope`. */
  introspectionUrl(requiredScope: string): string;
  client: { id: string; secret: string };
  consent: Consent;
  accessTokenTtlSeconds: number;
  /** Withdraws every grant of this account (the user removed the app, an admin revoked it). */
  revokeAll(email: string): void;
  /** Lets every access token of this account lapse now (the grant stays: a refresh works). */
  expireAccessTokens(email: string): void;
  /** A token for the test's own IMAP client (appending mail), outside the product's grants. */
  harnessToken(email: string, scope: string): Promise<string>;
  counts: { authorizations: number; codeExchanges: number; refreshes: number; refusedRefreshes: number };
  /** Whether this access token would pass introspection now (for waiting until one expires). */
  isActive(token: string): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * oauth2-mock-server made as strict as Google and Microsoft where the product depends on it:
 * registered clients with secrets and redirect URIs, one-time codes bound to their redirect URI
 * (PKCE checked by the mock), refresh tokens that exist only for real grants and stop working
 * when revoked, access tokens that expire, the account and scopes the person chose, and an
 * introspection endpoint (signature, expiry, revocation, scope) for Dovecot and the SMTP server.
 */
export async function startOAuthProvider(options: {
  /** The registered redirect URI, or a rule for it (a stack whose port is chosen at start). */
  redirectUri: string | ((uri: string) => boolean);
  accessTokenTtlSeconds?: number;
}): Promise<OAuthProviderSim> {
  const registered = (uri: string | undefined) => uri !== undefined && (typeof options.redirectUri === 'string' ? uri === options.redirectUri : options.redirectUri(uri));
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const issuer = server.issuer.url ?? '';
  const client = { id: `client-${randomBytes(4).toString('hex')}`, secret: randomBytes(16).toString('hex') };
  const grants: Grant[] = [];
  const codes = new Map<string, { grant: Grant; redirectUri: string; claims: Record<string, unknown>; used: boolean }>();
  const accessTokens = new Map<string, Grant>();
  const counts = { authorizations: 0, codeExchanges: 0, refreshes: 0, refusedRefreshes: 0 };
  const sim: OAuthProviderSim = {
    issuer,
    introspectionUrl: (scope) => `${issuer}/strict-introspect?scope=${encodeURIComponent(scope)}`,
    client,
    consent: { email: 'nobody@example.test', decision: 'allow' },
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    revokeAll(email) {
      for (const grant of grants) if (grant.email === email) grant.revoked = true;
    },
    expireAccessTokens(email) {
      for (const [token, grant] of accessTokens) if (grant.email === email && grant.clientId === client.id) accessTokens.delete(token);
    },
    async harnessToken(email, scope) {
      const grant: Grant = { id: randomBytes(8).toString('hex'), email, clientId: 'harness', scopes: [scope], refreshToken: '', revoked: false };
      const token = await server.issuer.buildToken({ expiresIn: 3600, scopesOrTransform: (_header, payload) => Object.assign(payload, { email, scope, sub: email }) });
      accessTokens.set(token, grant);
      return token;
    },
    counts,
    isActive: async (token) => (await introspect(token, '')).active === true,
    stop: () => server.stop(),
  };

  const clientOf = (req: IncomingMessage & { body?: unknown }): string | undefined => {
    const body = (req.body ?? {}) as Record<string, string>;
    const basic = req.headers.authorization?.match(/^Basic (.+)$/)?.[1];
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':').map((part) => decodeURIComponent(part))
      : [body.client_id, body.client_secret];
    return id === client.id && secret === client.secret ? id : undefined;
  };

  server.service.on('beforeAuthorizeRedirect', (redirect: { url: URL }, req: IncomingMessage & { query?: Record<string, string> }) => {
    counts.authorizations += 1;
    const query = req.query ?? {};
    const url = redirect.url;
    if (query.client_id !== client.id || !registered(query.redirect_uri)) {
      // A real provider shows an error page and never redirects to an unregistered URI.
      throw new Error(`authorize: unknown client or redirect_uri ${query.redirect_uri}`);
    }
    const code = url.searchParams.get('code');
    url.searchParams.delete('code');
    if (sim.consent.decision === 'deny' || !code) {
      url.searchParams.set('error', 'access_denied');
      url.searchParams.set('error_description', 'The user denied access');
      return;
    }
    const asked = (query.scope ?? '').split(' ').filter(Boolean);
    const scopes = sim.consent.grantScopes ? sim.consent.grantScopes(asked) : asked;
    const grant: Grant = { id: randomBytes(8).toString('hex'), email: sim.consent.email, clientId: client.id, scopes, refreshToken: randomBytes(24).toString('hex'), revoked: false };
    grants.push(grant);
    codes.set(code, { grant, redirectUri: query.redirect_uri ?? '', claims: sim.consent.claims ?? {}, used: false });
    url.searchParams.set('code', code);
  });

  server.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }, req: IncomingMessage & { body?: Record<string, string> }) => {
    const body = req.body ?? {};
    const grant = body.grant_type === 'authorization_code' ? codes.get(body.code ?? '')?.grant : grants.find((entry) => entry.refreshToken === body.refresh_token);
    if (!grant) return;
    // Every token a provider issues is its own, even two within one second (a refresh right
    // after the first grant must not hand back the very same token).
    token.payload.jti = randomBytes(12).toString('hex');
    const isIdToken = !('scope' in token.payload);
    token.payload.sub = `user-${grant.email}`;
    token.payload.email = grant.email;
    if (isIdToken) {
      Object.assign(token.payload, codes.get(body.code ?? '')?.claims ?? {}, { email_verified: true });
    } else {
      token.payload.scope = grant.scopes.join(' ');
      token.payload.client_id = grant.clientId;
      token.payload.exp = Math.floor(Date.now() / 1000) + sim.accessTokenTtlSeconds;
    }
  });

  server.service.on('beforeResponse', (response: { body: Record<string, unknown>; statusCode: number }, req: IncomingMessage & { body?: Record<string, string> }) => {
    const body = req.body ?? {};
    const refuse = (statusCode: number, error: string) => {
      response.statusCode = statusCode;
      response.body = { error, error_description: error };
    };
    if (!clientOf(req)) return refuse(401, 'invalid_client');
    if (body.grant_type === 'authorization_code') {
      const entry = codes.get(body.code ?? '');
      if (!entry || entry.used || entry.redirectUri !== body.redirect_uri) return refuse(400, 'invalid_grant');
      entry.used = true;
      counts.codeExchanges += 1;
      response.body.refresh_token = entry.grant.refreshToken;
      response.body.scope = entry.grant.scopes.join(' ');
      response.body.expires_in = sim.accessTokenTtlSeconds;
      accessTokens.set(String(response.body.access_token), entry.grant);
      return;
    }
    if (body.grant_type === 'refresh_token') {
      const grant = grants.find((entry) => entry.refreshToken === body.refresh_token);
      if (!grant || grant.revoked) {
        counts.refusedRefreshes += 1;
        return refuse(400, 'invalid_grant');
      }
      counts.refreshes += 1;
      // Google keeps the refresh token; the response carries none and no id token.
      delete response.body.refresh_token;
      delete response.body.id_token;
      response.body.scope = grant.scopes.join(' ');
      response.body.expires_in = sim.accessTokenTtlSeconds;
      accessTokens.set(String(response.body.access_token), grant);
      return;
    }
    refuse(400, 'unsupported_grant_type');
  });

  const jwks = () => createLocalJWKSet({ keys: server.issuer.keys.toJSON() });
  async function introspect(token: string, requiredScope: string): Promise<Record<string, unknown>> {
    const grant = accessTokens.get(token);
    if (!grant || grant.revoked) return { active: false };
    try {
      const { payload } = await jwtVerify(token, jwks(), { issuer });
      const scopes = (typeof payload.scope === 'string' ? payload.scope : '').split(' ');
      if (requiredScope && !scopes.includes(requiredScope)) return { active: false };
      return { active: true, email: payload.email, username: payload.email, scope: payload.scope, exp: payload.exp, client_id: grant.clientId };
    } catch {
      return { active: false }; // bad signature or expired
    }
  }

  server.service.addRoute('POST', '/strict-introspect', async (req: IncomingMessage & { body?: unknown; query?: unknown }, res: ServerResponse) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const query = (req.query ?? {}) as Record<string, string>;
    const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    const result = await introspect(body.token ?? bearer ?? '', query.scope ?? '');
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(result));
  });

  return sim;
}
