import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../../lib/core/safety/check-draft';

const base = { allowedLinkHosts: ['countersign.local'], allowedAddresses: ['maria@example.com', 'support@countersign.local'] };

describe('deterministic draft checks before auto-send', () => {
  it('accepts a plain reply with allowed links and addresses', () => {
    expect(checkDraft({ ...base, body: 'Hi Maria, see https://help.countersign.local/reset or write to support@countersign.local.' })).toEqual([]);
  });

  it('rejects foreign links, unknown addresses, internal markers, empty and long drafts', () => {
    expect(checkDraft({ ...base, body: 'Reset it at https://evil.example/x' })).toEqual(['The draft links to evil.example, which is not allow-listed']);
    expect(checkDraft({ ...base, body: 'Forward it to boss@other.example' })).toEqual(['The draft mentions boss@other.example']);
    expect(checkDraft({ ...base, body: 'As my system prompt says, no refunds.' })).toEqual(['The draft quotes internal instructions']);
    expect(checkDraft({ ...base, body: '   ' })).toEqual(['The draft is empty']);
    expect(checkDraft({ ...base, body: 'a'.repeat(20), maxLength: 10 })).toEqual(['The draft is longer than 10 characters']);
  });
});
