import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { devServerArgs } from '../../../../devstack/temporal-dev-server';
import { cliTypeOf, SEARCH_ATTRIBUTE_KEYS, SEARCH_ATTRIBUTES, searchAttributeUpdates } from '../../../../lib/core/conversation/search-attributes';
import { parseEnv } from '../../../../lib/platform/config/env';

const facts = { category: 'billing', priority: 'high', mailbox: 'support@example.test', assigneeId: 'user-1', slaDueAt: '2026-12-06T16:00:00.000Z' };

describe('conversation search attributes', () => {
  it('sets every attribute at a status change, the deadline as a time', () => {
    const updates = searchAttributeUpdates('awaiting_approval', facts);
    expect(Object.fromEntries(updates.map(({ key, value }) => [key.name, value]))).toEqual({
      CountersignStatus: 'awaiting_approval',
      CountersignCategory: 'billing',
      CountersignPriority: 'high',
      CountersignMailbox: 'support@example.test',
      CountersignAssignee: 'user-1',
      CountersignSlaDueAt: new Date('2026-12-06T16:00:00.000Z'),
    });
    expect(updates.map(({ key }) => key)).toEqual(SEARCH_ATTRIBUTE_KEYS);
  });

  it('removes what the store no longer holds (unassigned, no deadline owed)', () => {
    const updates = searchAttributeUpdates('sent', { ...facts, assigneeId: null, slaDueAt: null, mailbox: null });
    const removed = updates.filter(({ value }) => value === null).map(({ key }) => key.name);
    expect(removed).toEqual([SEARCH_ATTRIBUTES.mailbox.name, SEARCH_ATTRIBUTES.assignee.name, SEARCH_ATTRIBUTES.slaDueAt.name]);
  });

  it('is registered by the dev server `npm start` runs', () => {
    const args = devServerArgs(parseEnv({}), '/data').join(' ');
    for (const { name, type } of SEARCH_ATTRIBUTE_KEYS) expect(args).toContain(`--search-attribute ${name}=${cliTypeOf(type)}`);
  });

  it('is what the cluster command in docs/search-attributes.md creates, and what its table lists', async () => {
    const doc = await readFile(new URL('../../../../docs/search-attributes.md', import.meta.url), 'utf8');
    const command = doc.slice(doc.indexOf('temporal operator search-attribute create'));
    const created = [...command.matchAll(/--name (\w+) --type (\w+)/g)].map(([, name, type]) => [name, type]);
    expect(created).toEqual(SEARCH_ATTRIBUTE_KEYS.map(({ name, type }) => [name, cliTypeOf(type)]));
    const listed = [...doc.matchAll(/^\| `(\w+)` \| (\w+) \|/gm)].map(([, name, type]) => [name, type]);
    expect(listed).toEqual(created);
  });
});
