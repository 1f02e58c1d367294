import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../../../lib/web/auth/safe-next-path';

describe('safeNextPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNextPath('/conversations/abc?tab=draft')).toBe('/conversations/abc?tab=draft');
  });
  it.each(['https://evil.example', '//evil.example', '/\\evil.example', 'evil', '/\t/evil.example', '/sign-in?next=/x', '/api/auth/sign-out'])(
    'refuses %j',
    (next) => {
      expect(safeNextPath(next)).toBe('/');
    },
  );
  it('falls back when absent', () => {
    expect(safeNextPath(undefined, '/inbox')).toBe('/inbox');
  });
});
