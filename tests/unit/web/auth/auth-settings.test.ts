import { describe, expect, it } from 'vitest';
import { authSettingsFromEnv, MissingAuthSecretError } from '../../../../lib/web/auth/auth-settings';

const secret = 'x'.repeat(40);

describe('authSettingsFromEnv', () => {
  it('uses APP_URL as the base URL and trusts it, localhost and the extra origins', () => {
    const settings = authSettingsFromEnv({
      AUTH_SECRET: secret,
      APP_URL: 'https://inbox.example.com/some/path',
      PORT: 3000,
      AUTH_TRUSTED_ORIGINS: ['https://ops.example.com/'],
    });
    expect(settings.baseURL).toBe('https://inbox.example.com');
    expect(settings.trustedOrigins).toEqual([
      'https://inbox.example.com',
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'https://ops.example.com',
    ]);
  });

  it('defaults to localhost on PORT', () => {
    const settings = authSettingsFromEnv({ AUTH_SECRET: secret, APP_URL: undefined, PORT: 4321, AUTH_TRUSTED_ORIGINS: [] });
    expect(settings.baseURL).toBe('http://localhost:4321');
  });

  it('refuses to run without a secret', () => {
    expect(() => authSettingsFromEnv({ AUTH_SECRET: undefined, APP_URL: undefined, PORT: 3000, AUTH_TRUSTED_ORIGINS: [] })).toThrow(
      MissingAuthSecretError,
    );
  });
});
