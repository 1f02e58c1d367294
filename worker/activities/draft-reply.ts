import { loadKnowledge } from '../../lib/features/knowledge/load-knowledge';
import { selectRelevantArticles } from '../../lib/features/knowledge/select-relevant';
import { buildDraftRequest, DRAFT_PROMPT, REVISE_PROMPT } from '../../lib/features/prompts/draft-prompt';
import { checkDraft } from '../../lib/core/safety/check-draft';
import { addressOf } from '../../lib/platform/mail/addresses';
import { recordDraft } from '../../lib/features/conversations/mirror/record-draft';
import { callClaude } from './call-claude';
import type { ActivityDeps } from './deps';
import { loadThread } from './load-thread';

export interface DraftReplyInput {
  conversationId: string;
  draftVersion: number;
  /** The customer message to answer; a revision answers the same one as its previous draft. */
  messageId?: string;
  revision?: { instructions: string; previousVersion: number };
}

export interface DraftReplyResult {
  draftVersion: number;
  knowledgeUsed: string[];
  /** Deterministic draft checks that failed (they forbid auto-send). */
  problems: string[];
}

/** Drafts (or revises) a reply and stores it as the given version. */
export function createDraftReply(deps: ActivityDeps) {
  return async function draftReply(input: DraftReplyInput): Promise<DraftReplyResult> {
    const { db, config } = deps;
    const previous = input.revision
      ? await db.draft.findUniqueOrThrow({
          where: { conversationId_version: { conversationId: input.conversationId, version: input.revision.previousVersion } },
        })
      : undefined;
    const messageId = input.messageId ?? previous?.basedOnMessageId;
    if (!messageId) throw new Error('draftReply needs a messageId or a revision of an existing draft');

    const [thread, articles, classification, conversation] = await Promise.all([
      loadThread(db, input.conversationId, messageId),
      loadKnowledge({ dir: config.knowledgeDir, db }),
      db.classification.findUnique({ where: { messageId } }),
      db.conversation.findUniqueOrThrow({ where: { id: input.conversationId } }),
    ]);
    const newestText = thread.filter((entry) => entry.direction === 'inbound').at(-1)?.text ?? '';
    const relevant = selectRelevantArticles(articles, `${conversation.subject}\n${newestText}`);
    const prompt = input.revision ? REVISE_PROMPT : DRAFT_PROMPT;
    const request = buildDraftRequest({
      model: config.draftModel,
      thread,
      classificationSummary: classification?.ok
        ? `${classification.category} / ${classification.priority} priority / ${classification.sentiment}: ${classification.summary ?? ''}`
        : 'classification unavailable',
      knowledge: articles,
      revisionInstructions: input.revision?.instructions,
      previousDraft: previous?.finalBody ?? previous?.aiBody,
    });
    const { message, costUsd } = await callClaude(deps, {
      conversationId: input.conversationId,
      messageId,
      purpose: input.revision ? 'revise' : 'draft',
      prompt,
      request,
      category: classification?.category ?? undefined,
    });
    const body = message.content
      .flatMap((part) => (part.type === 'text' ? [part.text] : []))
      .join('\n')
      .trim();
    const knowledgeUsed = relevant.map((article) => article.slug);
    const problems = checkDraft({
      body,
      allowedLinkHosts: config.allowedLinkHosts,
      allowedAddresses: [conversation.customerAddress ?? conversation.customerEmail, addressOf(config.mailFrom)],
    });

    await recordDraft(
      {
        conversationId: input.conversationId,
        version: input.draftVersion,
        body,
        model: message.model,
        knowledgeUsed,
        basedOnMessageId: messageId,
        revisionInstructions: input.revision?.instructions,
        costUsd,
        outputTokens: message.usage.output_tokens,
      },
      db,
    );
    return { draftVersion: input.draftVersion, knowledgeUsed, problems };
  };
}
