import { randomUUID } from 'node:crypto';
import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it, vi } from 'vitest';
import { decideDraft, type DecideDraftInput, type DecisionClient } from '../../../../lib/features/conversations/decide-draft';
import { DECISION_REFUSALS } from '../../../../lib/core/decisions/refusals';
import { AppError } from '../../../../lib/core/errors';


interface Call {
  workflowId: string;
  update: string;
  args: unknown[];
  updateId: string;
}

/** A fake client whose update either returns what the workflow would or throws `error`. */
function fakeClient(error?: Error): { client: DecisionClient; calls: Call[] } {
  const calls: Call[] = [];
  const client: DecisionClient = {
    workflow: {
      getHandle: (workflowId) => ({
        async executeUpdate(definition, options) {
          calls.push({ workflowId, update: definition.name, args: options.args, updateId: options.updateId });
          if (error) throw error;
          const [input] = options.args as [{ draftVersion: number }];
          return { conversationId: workflowId, draftVersion: input.draftVersion, outcome: 'approved' } as never;
        },
      }),
    },
  };
  return { client, calls };
}

const actor = { id: 'user-1', role: 'agent' as const };
/** The texts the web stored before each update: the update carries the id only. */
const storedTexts: Array<{ conversationId: string; kind: string; body: string }> = [];
const storeText = async (input: { conversationId: string; kind: string; body: string }) => {
  storedTexts.push(input);
  return `stored-${input.kind}`;
};
const approve = (): DecideDraftInput => ({ conversationId: 'conv-1', action: 'approve', draftVersion: 2, requestId: randomUUID(), actor });
const refusedWith = (message: string, type: string) =>
  new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ message, type }));

describe('decideDraft', () => {
  it('sends the matching update with the browser’s request id as the update id', async () => {
    const { client, calls } = fakeClient();
    const input = { ...approve(), editedBody: 'Edited reply' };
    const result = await decideDraft(input, { client, storeText });
    expect(result).toEqual({ ok: true, outcome: 'approved', draftVersion: 2 });
    expect(calls).toEqual([
      { workflowId: 'conv-1', update: 'approveDraft', updateId: input.requestId, args: [{ draftVersion: 2, actor, editedBodyId: 'stored-edited_body' }] },
    ]);
    expect(storedTexts.at(-1)).toEqual({ conversationId: 'conv-1', kind: 'edited_body', body: 'Edited reply' });
  });

  it('ties the approve’s files to its request id before the update, and sends nothing when a file is gone', async () => {
    const { client, calls } = fakeClient();
    const assigned: unknown[] = [];
    const input = { conversationId: 'conv-1', action: 'approve' as const, draftVersion: 2, requestId: randomUUID(), actor, attachmentIds: ['att-1'] };
    const assignUploads = vi.fn(async (args: unknown) => {
      assigned.push(args);
    });
    expect(await decideDraft(input, { client, assignUploads })).toMatchObject({ ok: true });
    expect(assigned).toEqual([{ conversationId: 'conv-1', requestId: input.requestId, ids: ['att-1'], actorId: 'user-1' }]);
    expect(calls).toHaveLength(1);

    const refused = fakeClient();
    const gone = vi.fn(async () => {
      throw new AppError('An attached file is no longer available; attach it again.');
    });
    expect(await decideDraft({ conversationId: 'conv-1', action: 'approve', draftVersion: 2, requestId: randomUUID(), actor, attachmentIds: ['att-2'] }, { client: refused.client, assignUploads: gone })).toMatchObject({ ok: false, code: 'invalid' });
    expect(refused.calls).toEqual([]);
  });

  it.each([
    ['reject', { reason: 'Wrong tone' }, 'rejectDraft', { reasonId: 'stored-reason' }],
    ['revise', { instructions: 'Shorter' }, 'reviseDraft', { instructionsId: 'stored-instructions' }],
    ['cancel_hold', {}, 'cancelAutoSend', {}],
  ] as const)('sends %s as %s', async (action, extra, update, args) => {
    const { client, calls } = fakeClient();
    await decideDraft({ ...approve(), action, ...extra } as DecideDraftInput, { client, storeText });
    expect(calls[0]?.update).toBe(update);
    expect(calls[0]?.args).toEqual([{ draftVersion: 2, actor, ...args }]);
  });

  it.each([
    ['draft version 2 was already decided', DECISION_REFUSALS.alreadyDecided, 'already_decided', /already decided/],
    ['draft version 2 was superseded by a new customer message', DECISION_REFUSALS.superseded, 'superseded', /customer wrote again/],
    ['draft version 1 is stale; version 2 is current', DECISION_REFUSALS.notCurrent, 'stale', /version 2 is current/],
    ['no draft is waiting for a decision', DECISION_REFUSALS.notCurrent, 'stale', /can no longer/],
    ['this draft is on an auto-send hold; cancel it first', DECISION_REFUSALS.notCurrent, 'stale', /cancel it first/],
    ['The rejection reason must not be empty', DECISION_REFUSALS.invalidInput, 'invalid', /^The rejection reason must not be empty\.$/],
    ['the acting user is unknown or has no support role', DECISION_REFUSALS.actorNotAllowed, 'invalid', /^The acting user is unknown/],
  ])('maps the validator refusal "%s" (%s) to %s', async (message, type, code, text) => {
    const { client } = fakeClient(refusedWith(message, type));
    const result = await decideDraft(approve(), { client, storeText });
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? '' : result.message).toMatch(text);
  });

  it('never guesses from a message: an untyped update failure is reported as unavailable', async () => {
    const { client } = fakeClient(refusedWith('draft version 2 was already decided', 'Error'));
    expect(await decideDraft(approve(), { client, storeText })).toMatchObject({ ok: false, code: 'unavailable' });
  });

  it('reports a finished or unknown workflow as not_found', async () => {
    const { client } = fakeClient(new WorkflowNotFoundError('workflow not found', 'conv-1', undefined));
    expect(await decideDraft(approve(), { client, storeText })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('reports timeouts and an unreachable server as unavailable, without throwing', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const error of [
      new WorkflowUpdateRPCTimeoutOrCancelledError('deadline exceeded'),
      new ServiceError('connection refused'),
      new TypeError('fetch failed'),
    ]) {
      const { client } = fakeClient(error);
      expect(await decideDraft(approve(), { client, storeText })).toMatchObject({ ok: false, code: 'unavailable' });
    }
    quiet.mockRestore();
  });
});
