import type { Flow } from './flow';
import { model } from './flow';
import { runModelStep } from './model-step';
import { draftWithVariants } from './draft-variants';
import type { Drafted } from './routed';

/**
 * Classifies the newest customer message and drafts a reply to it. Undefined when there is
 * nothing to route: an agent's own reply took over, Claude's failure went to a person, or a
 * newer customer message arrived (a draft it made is marked superseded).
 */
export async function classifyAndDraft(flow: Flow, messageId: string, screeningFlags: string[]): Promise<Drafted | undefined> {
  const { memory, patches } = flow;
  await flow.setStatus('classifying');
  // With folded writes the classification's own write moves the status on to drafting.
  const drafting = patches.foldedWrites ? { drafting: true as const } : {};
  const classified = await runModelStep(flow, 'classify', `classify:${messageId}`, () =>
    model.classifyMessage({ conversationId: memory.conversationId, messageId, ...drafting }),
  );
  if ('stopped' in classified) return undefined;
  const classification = classified.value;
  const movedToDrafting = classification.ok ? classification.drafting : undefined;
  // The facts are the status write's answer, not part of the classification routing holds.
  if (classification.ok) delete classification.drafting;
  if (memory.queue.length > 0) return undefined; // a newer message arrived: classify that one instead
  if (patches.needsPerson && !classification.ok) {
    await flow.handToPerson('classify', { type: classification.failureType ?? 'ModelOutputInvalid', reason: classification.error }, `classify:${messageId}`);
    return undefined;
  }

  if (movedToDrafting) flow.statusWritten('drafting', movedToDrafting);
  else await flow.setStatus('drafting');
  const draftVersion = ++memory.lastDraftVersion;
  const drafted =
    (await draftWithVariants(flow, classification, draftVersion, messageId)) ??
    (await runModelStep(flow, 'draft', `draft:v${draftVersion}`, () => model.draftReply({ conversationId: memory.conversationId, draftVersion, messageId })));
  if ('stopped' in drafted) return undefined;
  const draft = drafted.value;
  memory.openDraftVersion = draft.draftVersion;
  if (memory.queue.length > 0) return void (await flow.supersede(draft.draftVersion));
  if (patches.needsPerson && draft.unusable) {
    memory.unusableDraftVersion = draft.draftVersion;
    await flow.handToPerson('draft', { type: draft.unusable.failureType, reason: draft.unusable.reason }, `draft:v${draft.draftVersion}`);
    return undefined;
  }
  return { classification, screeningFlags, draft };
}
