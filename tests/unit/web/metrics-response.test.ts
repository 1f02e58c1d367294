import { describe, expect, it } from 'vitest';
import { metricsResponse } from '../../../lib/web/metrics/metrics-response';

const TOKEN = 'metrics-token-for-tests-0001';
const get = (authorization?: string) => new Request('http://web.test/api/metrics', { headers: authorization ? { authorization } : {} });

describe('the web node /api/metrics', () => {
  it('does not exist until a token is configured', async () => {
    expect((await metricsResponse(get(`Bearer ${TOKEN}`), undefined)).status).toBe(404);
  });

  it('refuses a missing, wrong or differently sized token', async () => {
    for (const header of [undefined, 'Bearer nope', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const response = await metricsResponse(get(header), TOKEN);
      expect(response.status, String(header)).toBe(401);
      expect(await response.text()).not.toContain('countersign_');
    }
  });
});
