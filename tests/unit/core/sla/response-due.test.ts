import { describe, expect, it } from 'vitest';
import { noticesDue, responseDue, type ResponseClock } from '../../../../lib/core/sla/response-due';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../../lib/core/sla/sla-policy';

const policy: SlaPolicy = { ...DEFAULT_SLA_POLICY, mailboxTargets: { vip: { normal: { firstResponseMinutes: 30, nextResponseMinutes: 15 } } } };
const clock = (over: Partial<ResponseClock> = {}): ResponseClock => ({
  status: 'needs_person',
  priority: 'high',
  mailboxId: null,
  firstInboundAt: new Date('2026-03-03T10:00:00Z'),
  lastInboundAt: new Date('2026-03-03T10:00:00Z'),
  lastReplyAt: null,
  ...over,
});

describe('responseDue', () => {
  it('owes a first response by the priority target, reminding before it', () => {
    const due = responseDue(clock(), policy);
    expect(due).toMatchObject({ kind: 'first_response', key: 'first' });
    expect(due?.dueAt?.toISOString()).toBe('2026-03-03T14:00:00.000Z');
    expect(due?.remindAt?.toISOString()).toBe('2026-03-03T13:30:00.000Z');
  });

  it('owes a next response after a later customer message, keyed by that message', () => {
    const due = responseDue(clock({ status: 'awaiting_approval', lastReplyAt: new Date('2026-03-03T11:00:00Z'), lastInboundAt: new Date('2026-03-03T12:00:00Z') }), policy);
    expect(due).toMatchObject({ kind: 'next_response', key: 'next:2026-03-03T12:00:00.000Z' });
    expect(due?.dueAt?.toISOString()).toBe('2026-03-03T16:00:00.000Z');
  });

  it('owes nothing once answered, when closed, or when the engine is off', () => {
    expect(responseDue(clock({ lastReplyAt: new Date('2026-03-03T11:00:00Z') }), policy)).toBeNull();
    expect(responseDue(clock({ status: 'closed' }), policy)).toBeNull();
    expect(responseDue(clock(), { ...policy, enabled: false })).toBeNull();
  });

  it('covers failed sends and unclassified conversations (as normal)', () => {
    expect(responseDue(clock({ status: 'failed', priority: null }), policy)?.dueAt?.toISOString()).toBe('2026-03-04T10:00:00.000Z');
  });

  it('uses a mailbox target where one is set', () => {
    expect(responseDue(clock({ mailboxId: 'vip', priority: 'normal' }), policy)?.dueAt?.toISOString()).toBe('2026-03-03T10:30:00.000Z');
  });
});

describe('noticesDue', () => {
  const due = responseDue(clock(), policy)!;
  it('is nothing before the reminder, a reminder before the due time, a breach at it', () => {
    expect(noticesDue(due, new Date('2026-03-03T13:29:00Z'))).toEqual([]);
    expect(noticesDue(due, new Date('2026-03-03T13:30:00Z'))).toEqual(['reminder']);
    expect(noticesDue(due, new Date('2026-03-03T14:00:00Z'))).toEqual(['breach']);
  });
});
