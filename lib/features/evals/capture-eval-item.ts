import { editSize } from '../../core/text/edit-size';
import { getDb, type Db } from '../../platform/db';
import type { ThreadEntry } from '../prompts/thread';
import { evalItemIdFor, type EvalExpected, type EvalItem, type EvalSource } from './eval-item';

/**
 * Turns an agent's edit or reject into an evaluation example: the email and its context as
 * input, what the agent actually sent as the expected output. Called when a draft is rejected
 * and when a reply goes out; a reply the model wrote and nobody changed is not an example.
 * One item per customer message, upserted, so a reject followed by the agent's own reply ends
 * as one example whose expected output is that reply.
 */

export interface CaptureEvalItemInput {
  conversationId: string;
  draftVersion: number;
  outcome: 'sent' | 'rejected';
  /** The thread up to the customer's message, as the drafting prompt saw it. */
  thread: ThreadEntry[];
  dataset: string;
  sourceTraceId?: string;
}

/** What kind of example an outcome makes of a draft; none for a model reply that went out unchanged. */
export function evalSourceOf(outcome: CaptureEvalItemInput['outcome'], draft: { origin: string; aiBody: string; finalBody: string | null }): EvalSource | null {
  if (outcome === 'rejected') return 'rejected';
  if (draft.origin === 'agent') return 'agent_reply';
  if ((draft.finalBody ?? draft.aiBody) !== draft.aiBody) return 'edited';
  return null;
}

export async function captureEvalItem(input: CaptureEvalItemInput, db: Db = getDb()): Promise<EvalItem | null> {
  const draft = await db.draft.findUniqueOrThrow({
    where: { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } },
  });
  const messageId = draft.basedOnMessageId;
  const modelDraft =
    draft.origin !== 'agent'
      ? draft
      : await db.draft.findFirst({ where: { conversationId: input.conversationId, basedOnMessageId: messageId, origin: { not: 'agent' } }, orderBy: { version: 'desc' } });
  const sentText = draft.finalBody ?? draft.aiBody;
  const source = evalSourceOf(input.outcome, draft);
  if (!source) return null;

  const [classification, message, rejection, existing] = await Promise.all([
    db.classification.findUnique({ where: { messageId } }),
    db.message.findUniqueOrThrow({ where: { id: messageId }, select: { subject: true } }),
    db.decision.findFirst({
      where: { conversationId: input.conversationId, draftVersion: input.draftVersion, kind: 'reject' },
      orderBy: { createdAt: 'desc' },
    }),
    db.evalItem.findUnique({ where: { messageId } }),
  ]);
  const earlier = existing?.expectedOutput as EvalExpected | undefined;
  const expectedOutput: EvalExpected =
    source === 'rejected'
      ? { reply: null, decision: 'rejected', ...(rejection?.note ? { reason: rejection.note } : {}) }
      : { reply: sentText, decision: source, ...(earlier?.reason ? { reason: earlier.reason } : {}) };
  if (source === 'rejected' && earlier?.reply) return null; // the agent's reply already went out: keep it

  const item: EvalItem = {
    id: evalItemIdFor(input.conversationId, messageId),
    input: {
      subject: message.subject,
      thread: input.thread,
      triage: classification?.ok
        ? {
            category: classification.category ?? 'unknown',
            priority: classification.priority ?? 'unknown',
            sentiment: classification.sentiment ?? 'unknown',
            summary: classification.summary ?? '',
          }
        : null,
      knowledgeUsed: (modelDraft?.knowledgeUsed as string[] | undefined) ?? [],
    },
    expectedOutput,
    metadata: {
      conversationId: input.conversationId,
      messageId,
      draftVersion: input.draftVersion,
      source,
      ...(modelDraft
        ? {
            modelDraft: modelDraft.aiBody,
            model: modelDraft.model,
            editSize: expectedOutput.reply === null ? undefined : editSize(modelDraft.aiBody, expectedOutput.reply),
          }
        : {}),
    },
  };
  const row = {
    dataset: input.dataset,
    conversationId: input.conversationId,
    source,
    input: item.input,
    expectedOutput: item.expectedOutput,
    metadata: JSON.parse(JSON.stringify(item.metadata)) as object,
    sourceTraceId: input.sourceTraceId,
  };
  await db.evalItem.upsert({ where: { messageId }, create: { id: item.id, messageId, ...row }, update: row });
  return item;
}
