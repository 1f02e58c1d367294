import { describe, expect, it } from 'vitest';
import { AuthError, authErrorResponse } from '../../../../lib/web/auth/auth-error';

describe('authErrorResponse', () => {
  it('answers 401 with a Bearer challenge for a missing login', async () => {
    const response = authErrorResponse(new AuthError('unauthenticated'));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(await response.json()).toMatchObject({ error: 'unauthenticated' });
  });
  it('answers 403 for a low role or a foreign origin', () => {
    expect(authErrorResponse(new AuthError('forbidden')).status).toBe(403);
    expect(authErrorResponse(new AuthError('bad_origin')).status).toBe(403);
  });
});
