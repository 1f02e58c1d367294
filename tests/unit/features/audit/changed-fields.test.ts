import { describe, expect, it } from 'vitest';
import { changedFields } from '../../../../lib/features/audit/changed-fields';

describe('changedFields', () => {
  it('lists only the fields whose values differ, sorted', () => {
    const before = { autoSendEnabled: true, holdSeconds: 120, autoSendCategories: ['orders'] };
    const after = { autoSendEnabled: false, holdSeconds: 120, autoSendCategories: ['orders', 'account'] };
    expect(changedFields(before, after)).toEqual([
      { field: 'autoSendCategories', before: ['orders'], after: ['orders', 'account'] },
      { field: 'autoSendEnabled', before: true, after: false },
    ]);
  });
  it('treats a missing side as an empty snapshot', () => {
    expect(changedFields(null, { name: 'x' })).toEqual([{ field: 'name', before: undefined, after: 'x' }]);
  });
});
