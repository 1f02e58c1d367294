import { describe, expect, it } from 'vitest';
import { hasRole, isRole, ROLES, type Role } from '../../../lib/core/roles';

describe('hasRole', () => {
  const cases: [Role, Role, boolean][] = [
    ['agent', 'agent', true],
    ['agent', 'manager', false],
    ['agent', 'admin', false],
    ['manager', 'agent', true],
    ['manager', 'manager', true],
    ['manager', 'admin', false],
    ['admin', 'agent', true],
    ['admin', 'manager', true],
    ['admin', 'admin', true],
  ];
  it.each(cases)('%s meets %s: %s', (role, minRole, expected) => {
    expect(hasRole({ role }, minRole)).toBe(expected);
  });

  it('orders agent < manager < admin', () => {
    expect(ROLES).toEqual(['agent', 'manager', 'admin']);
  });
});

describe('isRole', () => {
  it('rejects anything but the three roles', () => {
    expect(isRole('admin')).toBe(true);
    expect(isRole('Admin')).toBe(false);
    expect(isRole('owner')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
