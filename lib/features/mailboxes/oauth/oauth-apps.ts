import * as client from 'openid-client';
import { env, type Env } from '../../../platform/config/env';
import { OAuthConnectError } from './oauth-connect-error';
import { OAUTH_PROVIDERS, type OAuthProvider } from './providers';

/** One registered OAuth app (client) at a provider. */
export interface OAuthAppSettings {
  clientId: string;
  clientSecret: string;
  /** Where /.well-known/openid-configuration is discovered. */
  issuer: string;
  /** Microsoft only: the tenant whose accounts may connect (a GUID or domain), unless multi-tenant. */
  tenant?: string;
}

export type OAuthAppSettingsMap = Partial<Record<OAuthProvider, OAuthAppSettings>>;

const MULTI_TENANT = new Set(['common', 'organizations', 'consumers']);

export function oauthAppSettingsFromEnv(config: Env): OAuthAppSettingsMap {
  const apps: OAuthAppSettingsMap = {};
  if (config.GOOGLE_OAUTH_CLIENT_ID && config.GOOGLE_OAUTH_CLIENT_SECRET) {
    apps.google = { clientId: config.GOOGLE_OAUTH_CLIENT_ID, clientSecret: config.GOOGLE_OAUTH_CLIENT_SECRET, issuer: config.GOOGLE_OAUTH_ISSUER };
  }
  if (config.MICROSOFT_OAUTH_CLIENT_ID && config.MICROSOFT_OAUTH_CLIENT_SECRET) {
    const tenant = config.MICROSOFT_OAUTH_TENANT;
    apps.microsoft = {
      clientId: config.MICROSOFT_OAUTH_CLIENT_ID,
      clientSecret: config.MICROSOFT_OAUTH_CLIENT_SECRET,
      issuer: config.MICROSOFT_OAUTH_ISSUER ?? `https://login.microsoftonline.com/${tenant}/v2.0`,
      tenant: MULTI_TENANT.has(tenant.toLowerCase()) ? undefined : tenant,
    };
  }
  return apps;
}

export interface OAuthApps {
  /** Providers with a client id and secret, for the page's buttons. */
  configured(): OAuthProvider[];
  settings(provider: OAuthProvider): OAuthAppSettings;
  /** The provider's discovered endpoints with our client, fetched once per process. */
  configuration(provider: OAuthProvider): Promise<client.Configuration>;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export function createOAuthApps(apps: OAuthAppSettingsMap): OAuthApps {
  const discovered = new Map<OAuthProvider, Promise<client.Configuration>>();
  const settings = (provider: OAuthProvider) => {
    const app = apps[provider];
    if (!app) throw new OAuthConnectError('not_configured', `${provider} has no client id and secret`);
    return app;
  };
  return {
    configured: () => OAUTH_PROVIDERS.filter((provider) => apps[provider] !== undefined),
    settings,
    configuration(provider) {
      const app = settings(provider);
      let pending = discovered.get(provider);
      if (!pending) {
        const issuer = new URL(app.issuer);
        // Plain HTTP only to this machine (a test's provider), never across a network.
        const insecure = issuer.protocol === 'http:' && LOOPBACK.test(issuer.hostname);
        pending = client.discovery(issuer, app.clientId, app.clientSecret, client.ClientSecretPost(app.clientSecret), insecure ? { execute: [client.allowInsecureRequests] } : undefined);
        // A failed discovery (provider down) is retried on the next use, not cached.
        pending.catch(() => discovered.delete(provider));
        discovered.set(provider, pending);
      }
      return pending;
    },
  };
}

let shared: OAuthApps | undefined;

/** This process's OAuth apps, from the environment. */
export function oauthApps(): OAuthApps {
  shared ??= createOAuthApps(oauthAppSettingsFromEnv(env()));
  return shared;
}
