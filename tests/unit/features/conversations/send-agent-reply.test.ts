import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { DECISION_REFUSALS } from '../../../../lib/core/decisions/refusals';
import { replyInputSchema } from '../../../../lib/core/decisions/reply-schemas';
import { sendAgentReply, type ReplyClient } from '../../../../lib/features/conversations/send-agent-reply';

function fakeClient(error?: Error) {
  const calls: Array<{ workflowId: string; update: string; args: unknown[]; updateId: string }> = [];
  const client: ReplyClient = {
    workflow: {
      getHandle: (workflowId) => ({
        async executeUpdate(definition, options) {
          calls.push({ workflowId, update: definition.name, args: options.args, updateId: options.updateId });
          if (error) throw error;
          const outcome = definition.name === 'composeReply' ? 'reply_queued' : 'resend_queued';
          return { conversationId: workflowId, draftVersion: 3, outcome } as never;
        },
      }),
    },
  };
  return { client, calls };
}

const actor = { id: 'user-1', role: 'agent' as const };
/** The web stores the reply first: the update carries its id only. */
const storedTexts: Array<{ conversationId: string; kind: string; body: string }> = [];
const storeText = async (input: { conversationId: string; kind: string; body: string }) => {
  storedTexts.push(input);
  return `stored-${input.kind}`;
};
const refused = (type: string, message: string) => new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message }));

describe('sendAgentReply', () => {
  it('sends the agent’s reply as composeReply with the request id as the update id', async () => {
    const { client, calls } = fakeClient();
    const requestId = randomUUID();
    const result = await sendAgentReply({ action: 'compose', conversationId: 'conv-1', requestId, body: 'Hello', actor }, { client, storeText });
    expect(result).toEqual({ ok: true, outcome: 'reply_queued', draftVersion: 3 });
    expect(calls).toEqual([{ workflowId: 'conv-1', update: 'composeReply', args: [{ actor, bodyId: 'stored-reply' }], updateId: requestId }]);
    expect(storedTexts.at(-1)).toEqual({ conversationId: 'conv-1', kind: 'reply', body: 'Hello' });
  });

  it('sends a confirmed resend with the ledger state the agent saw', async () => {
    const { client, calls } = fakeClient();
    const input = { action: 'resend' as const, conversationId: 'conv-1', requestId: randomUUID(), draftVersion: 2, confirmedLedgerStatus: 'sending' as const, confirmed: true as const, actor };
    expect(await sendAgentReply(input, { client, storeText })).toMatchObject({ ok: true, outcome: 'resend_queued' });
    expect(calls[0]).toMatchObject({ update: 'resendReply', args: [{ actor, draftVersion: 2, confirmedLedgerStatus: 'sending' }] });
  });

  it.each([
    [DECISION_REFUSALS.replyBusy, 'a reply is being sent right now', 'busy', /Not now: a reply is being sent right now/],
    [DECISION_REFUSALS.replyUnsupported, 'older', 'unsupported', /older workflow version/],
    [DECISION_REFUSALS.nothingToResend, 'version 2 has no failed or uncertain send', 'stale', /nothing to resend/],
    [DECISION_REFUSALS.resendNotConfirmed, 'confirm what the outbox shows before resending', 'invalid', /Confirm what the outbox shows/],
  ])('maps the workflow’s %s refusal to %s', async (type, message, code, text) => {
    const { client } = fakeClient(refused(type, message));
    const result = await sendAgentReply({ action: 'compose', conversationId: 'conv-1', requestId: randomUUID(), body: 'x', actor }, { client, storeText });
    expect(result).toMatchObject({ ok: false, code, message: expect.stringMatching(text) });
  });

  it('says so when the conversation’s workflow has ended', async () => {
    const { client } = fakeClient(new WorkflowNotFoundError('gone', 'conv-1', undefined));
    expect(await sendAgentReply({ action: 'compose', conversationId: 'conv-1', requestId: randomUUID(), body: 'x', actor }, { client, storeText })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});

describe('replyInputSchema', () => {
  it('refuses an empty reply and a resend without the confirmation', () => {
    const base = { conversationId: 'conv-1', requestId: randomUUID() };
    expect(replyInputSchema.safeParse({ ...base, action: 'compose', body: '  ' }).success).toBe(false);
    expect(replyInputSchema.safeParse({ ...base, action: 'resend', draftVersion: 1, confirmedLedgerStatus: 'sending', confirmed: false }).success).toBe(false);
    expect(replyInputSchema.safeParse({ ...base, action: 'resend', draftVersion: 1, confirmedLedgerStatus: 'sending', confirmed: true }).success).toBe(true);
  });
});
