import { MODEL_FAILURES, needsPersonReason, type ModelFailureType } from '../../lib/core/failures';
import { checkDraft } from '../../lib/core/safety/check-draft';
import { recordDraft, type RecordDraftInput } from '../../lib/features/conversations/mirror/record-draft';
import { extractCitations, inventedCitationProblem, inventedCitations, MALFORMED_CITATION_PROBLEM } from '../../lib/core/knowledge/citations';
import { retrievePassages } from '../../lib/features/knowledge/retrieve-passages';
import { selectApprovedAnswer, type ApprovedAnswer } from './select-approved-answer';
import { notesForPrompt } from '../../lib/features/notes/notes-for-prompt';
import { buildDraftRequest, DRAFT_RETRY_MAX_TOKENS, DRAFT_TEMPLATE, REVISE_TEMPLATE, type TriageNotes } from '../../lib/features/prompts/draft-prompt';
import { codePromptSource } from '../../lib/features/prompts/prompt-source';
import type { ResolvedPrompt } from '../../lib/features/prompts/prompt-template';
import { fitThread, shortenThread } from '../../lib/features/prompts/thread';
import { resolveModel } from '../../lib/platform/llm/resolve-model';
import type { LabelledVariant } from '../../lib/core/ab/variants';
import { recordDraftVariant } from '../../lib/features/ab-tests/record-draft-variant';
import { resolvePromptVersion } from './variant-prompt';
import { addressOf } from '../../lib/platform/mail/addresses';
import type { ClaudeCallResult } from './call-claude';
import type { ActivityDeps } from './deps';
import { foldingLlmCalls, type HeldLlmCalls } from './held-llm-calls';
import { readDraftInputs } from './read-draft-inputs';
import { agentTexts } from './agent-texts';
import { answerText, refusalCategory } from './model-answer';
import { runModelTurns, type TurnsEnd } from './model-turns';

export interface DraftReplyInput {
  conversationId: string;
  draftVersion: number;
  /** The customer message to answer; a revision answers the same one as its previous draft. */
  messageId?: string;
  revision?: {
    /** Sent by runs of older code; the workflow now carries `instructionsId` (the agent's stored text). */
    instructions?: string;
    instructionsId?: string;
    previousVersion: number;
  };
  /** One side of an A/B test (lib/core/ab): its model or prompt version; stored as a variant, not as the draft. */
  variant?: LabelledVariant;
}

export interface DraftReplyResult {
  draftVersion: number;
  /** Slugs of the articles the draft cited. */
  knowledgeUsed: string[];
  /** Passage ids the model was given (best first), cited, and cited without being given. Absent in older runs. */
  citations?: { given: string[]; cited: string[]; invented: string[] };
  /**
   * Deterministic draft checks that failed (they forbid auto-send). Empty from this code on:
   * they may quote the draft, so they are stored with it (`Draft.checkProblems`) and the send
   * decision reads them there; only their count travels through the workflow.
   */
  problems: string[];
  problemCount?: number;
  /** Why the model stopped; only end_turn may be auto-sent (routeDraft). Absent in older runs. */
  stopReason?: string;
  /**
   * Set when the draft cannot be used as it is (refused, cut off, empty, paused, too long a
   * thread): the workflow hands the conversation to a person. The text, if any, is stored as an
   * `unusable` draft the agent may start from, never as a decidable one.
   */
  unusable?: { failureType: ModelFailureType; reason: string };
}

const MAX_CALLS = 4;
/** Room kept for the instructions, style guide, knowledge and the answer when fitting a thread. */
const PROMPT_OVERHEAD_TOKENS = 16_000;

/** A failure's `detail` in full is stored; `carried` (no refusal explanation: Claude's words may repeat the email) goes to the workflow. */
type Outcome = { body: string; stopReason: string } | { failureType: ModelFailureType; detail: string; carried: string; body: string; stopReason: string };

/**
 * Drafts (or revises) a reply and stores it as the given version, following the stop reason:
 * a refusal is final (no draft, never continued); max_tokens is retried once with a larger
 * budget and is otherwise stored as cut off, never sendable; a paused turn is started again
 * once; a context overflow is retried with the oldest messages left out; an empty answer is
 * retried once with a nudge, never unmodified.
 */
export function createDraftReply(deps: ActivityDeps) {
  return async function draftReply(carried: DraftReplyInput): Promise<DraftReplyResult> {
    // The calls' rows are written with the draft (one statement), or on their own when that fails.
    return foldingLlmCalls(deps, (held) => draftHolding(deps, carried, held));
  };
}

async function draftHolding(deps: ActivityDeps, carried: DraftReplyInput, held: HeldLlmCalls): Promise<DraftReplyResult> {
  const { db, config } = deps;
  const input = carried.revision
    ? { ...carried, revision: { ...carried.revision, instructions: (await agentTexts({ conversationId: carried.conversationId, ...carried.revision }, db)).instructions ?? '' } }
    : { ...carried, revision: undefined };
  const previous = input.revision
    ? await db.draft.findUniqueOrThrow({
        where: { conversationId_version: { conversationId: input.conversationId, version: input.revision.previousVersion } },
      })
    : undefined;
  const messageId = input.messageId ?? previous?.basedOnMessageId;
  if (!messageId) throw new Error('draftReply needs a messageId or a revision of an existing draft');

  const prompts = deps.prompts ?? codePromptSource;
  const draftModel = input.variant?.model ?? config.draftModel;
  const [read, draftPrompt, revisePrompt, teamNotes] = await Promise.all([
    readDraftInputs({ conversationId: input.conversationId, messageId, budgetDefaults: config.modelBudgetDefaults }, db),
    input.variant?.promptVersion !== undefined ? resolvePromptVersion(prompts, DRAFT_TEMPLATE, input.variant.promptVersion) : prompts.resolve(DRAFT_TEMPLATE),
    input.revision ? prompts.resolve(REVISE_TEMPLATE) : undefined,
    // The team's notes join only a revision an agent asked for, as guidance apart from the mail.
    input.revision ? notesForPrompt(input.conversationId, db) : [],
  ]);
  const { thread: fullThread, classification, conversation } = read;
  const newestText = fullThread.filter((entry) => entry.direction === 'inbound').at(-1)?.text ?? '';
  // Retrieved again for a revision: an article edited since the first draft gives its new text.
  // The classifier's one-sentence summary is English whatever the customer wrote, so mail in any
  // language finds the (English) articles; it only chooses which trusted passages are given.
  const summary = classification?.ok ? `\n${classification.summary ?? ''}` : '';
  const passages = await retrievePassages({ query: `${conversation.subject}\n${newestText}${summary}` }, db);
  const given = passages.map((passage) => passage.id);
  const triage: TriageNotes | undefined = classification?.ok
    ? {
        category: classification.category ?? 'unknown',
        priority: classification.priority ?? 'unknown',
        sentiment: classification.sentiment ?? 'unknown',
        summary: classification.summary ?? '',
      }
    : undefined;
  const window = resolveModel(draftModel).contextWindow;
  let shape = fitThread(fullThread, window - PROMPT_OVERHEAD_TOKENS);
  let maxTokens: number | undefined;
  let nudge = '';
  const build = () => {
    const request = buildDraftRequest({
      model: draftModel,
      thread: shape.thread,
      omitted: shape.omitted,
      triage,
      passages,
      revisionInstructions: input.revision?.instructions,
      previousDraft: previous?.finalBody ?? previous?.aiBody,
      teamNotes,
      maxTokens,
      cacheTtl: config.cacheTtl,
      templates: { draft: draftPrompt.text, revise: revisePrompt?.text },
    });
    // An empty answer is never retried unmodified: the retry asks again, plainly.
    const [first] = request.messages;
    if (nudge && first && typeof first.content === 'string') first.content += nudge;
    return request;
  };
  const call = {
    conversationId: input.conversationId,
    messageId,
    purpose: input.revision ? ('revise' as const) : ('draft' as const),
    // A revision is linked to the revision prompt; its system text is the drafting prompt's.
    prompt: toCallPrompt(revisePrompt ?? draftPrompt),
    category: classification?.category ?? undefined,
    customerAddress: conversation.customerAddress,
    // Read with the thread just now: the first call's check; any later call checks again.
    budget: read.budget,
  };

  // A category that auto-sends approved answers only gets one assembled by code when one fits.
  const policy = !input.revision && classification?.category ? read.policy : undefined;
  const approved: ApprovedAnswer | undefined =
    policy?.approvedAnswersOnlyCategories?.includes(classification?.category ?? '')
      ? await selectApprovedAnswer(deps, {
          conversationId: input.conversationId,
          messageId,
          thread: shape.thread,
          passages,
          customerName: conversation.customerName,
          category: classification?.category ?? undefined,
        })
      : undefined;

  const turns = approved
    ? undefined
    : await runModelTurns<{ body: string; stopReason: string }>(deps, {
        call,
        held,
        maxCalls: MAX_CALLS,
        first: build(),
        larger: () => {
          maxTokens = DRAFT_RETRY_MAX_TOKENS;
          return build();
        },
        restart: build,
        shorter: () => {
          if (shape.thread.length <= 1) return undefined;
          shape = shortenThread(fullThread, Math.floor(shape.thread.length / 2));
          return build();
        },
        accept: (message, empty) => (empty ? { problems: 'the answer was empty' } : { value: { body: answerText(message), stopReason: message.stop_reason ?? 'end_turn' } }),
        correct: () => {
          nudge = '\n\n(Your previous answer was empty. Write the reply text now.)';
          return build();
        },
      });
  const calls: ClaudeCallResult[] = [...(approved?.calls ?? []), ...(turns?.calls ?? [])];
  const outcome: Outcome = approved ? { body: approved.body, stopReason: 'end_turn' } : turns!.ok ? turns!.value : draftFailure(turns!);

  // The markers are the model's claim of its sources; the code checks them against what it gave.
  // An approved answer cites exactly the passages code assembled it from.
  const citations = approved ? { text: outcome.body, cited: approved.passageIds, malformed: false } : extractCitations(outcome.body);
  const invented = inventedCitations(citations.cited, given);
  const cited = citations.cited.filter((id) => given.includes(id));
  const knowledgeUsed = [...new Set(passages.filter((passage) => cited.includes(passage.id)).map((passage) => passage.slug))];
  const problems = checkDraft({
    body: citations.text,
    allowedLinkHosts: config.allowedLinkHosts,
    // The customer, and the address the reply leaves from (the conversation's mailbox, else MAIL_FROM).
    allowedAddresses: [conversation.customerAddress ?? conversation.customerEmail, addressOf(config.mailFrom), ...(conversation.mailbox ? [conversation.mailbox.address] : [])],
  });
  const unusable = 'failureType' in outcome ? { failureType: outcome.failureType, reason: needsPersonReason(outcome.failureType, outcome.carried) } : undefined;
  const unusableReason = 'failureType' in outcome ? needsPersonReason(outcome.failureType, outcome.detail) : undefined;
  // A check on the draft itself as well: even a run of older workflow code routes it to review.
  if (unusableReason) problems.unshift(unusableReason);
  if (invented.length > 0) problems.push(inventedCitationProblem(invented));
  if (citations.malformed) problems.push(MALFORMED_CITATION_PROBLEM);
  const last = calls.at(-1);
  const stored: RecordDraftInput = {
    conversationId: input.conversationId,
    version: input.draftVersion,
    body: citations.text,
    model: last?.message.model ?? draftModel,
    knowledgeUsed,
    passages: { given, cited },
    inventedCitations: invented,
    basedOnMessageId: messageId,
    revisionInstructions: input.revision?.instructions,
    costUsd: calls.reduce((sum, one) => sum + one.costUsd, 0),
    outputTokens: calls.reduce((sum, one) => sum + one.usage.outputTokens, 0),
    stopReason: outcome.stopReason,
    unusableReason,
    ...(approved ? { origin: 'assembled' as const } : {}),
  };
  // The failed checks may quote the draft: they stay in the store (the variant's row, or
  // `Draft.checkProblems`, where the send decision reads them) and only their count goes back.
  if (input.variant) {
    await recordDraftVariant({ label: input.variant.label, category: classification?.category ?? undefined, prompt: draftPrompt, draft: stored, problems }, db);
  } else {
    await held.writeWith((llmCalls) => recordDraft({ ...stored, checkProblems: problems }, db, llmCalls));
  }
  return { draftVersion: input.draftVersion, knowledgeUsed, citations: { given, cited, invented }, problems: [], problemCount: problems.length, stopReason: outcome.stopReason, unusable };
}

/** Why the draft cannot be used as it is; its text, if any, is kept for the agent to start from. */
function draftFailure(end: Exclude<TurnsEnd<unknown>, { ok: true }>): Outcome {
  const body = end.why === 'exhausted' ? '' : answerText(end.message);
  const stopReason = end.why === 'exhausted' ? 'none' : (end.message.stop_reason ?? 'end_turn');
  const give = (failureType: ModelFailureType, detail: string, carried = detail): Outcome => ({ failureType, detail, carried, body, stopReason });
  switch (end.why) {
    case 'refused':
      return give(MODEL_FAILURES.refused, `Claude declined to draft a reply (${end.detail})`, `Claude declined to draft a reply (${refusalCategory(end.message)})`);
    case 'truncated':
      return give(MODEL_FAILURES.truncated, `the draft was cut off at ${DRAFT_RETRY_MAX_TOKENS} tokens, even after a retry with the larger budget`);
    case 'paused':
      return give(MODEL_FAILURES.paused, 'the turn paused twice');
    case 'context_exceeded':
      return give(MODEL_FAILURES.contextExceeded, 'even the newest message alone does not fit');
    case 'empty':
    case 'invalid':
      return give(MODEL_FAILURES.empty, 'Claude returned no text twice');
    case 'exhausted':
      return give(MODEL_FAILURES.empty, `no usable draft after ${MAX_CALLS} calls`);
  }
}

function toCallPrompt(prompt: ResolvedPrompt): { name: string; version: number; source: 'langfuse' | 'code' } {
  return { name: prompt.name, version: prompt.version, source: prompt.source };
}
