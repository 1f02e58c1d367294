import { loadKnowledge } from '../../lib/features/knowledge/load-knowledge';
import { selectRelevantArticles } from '../../lib/features/knowledge/select-relevant';
import { buildDraftRequest, DRAFT_PROMPT, REVISE_PROMPT } from '../../lib/features/prompts/draft-prompt';
import { checkDraft } from '../../lib/core/safety/check-draft';
import { addressOf } from '../../lib/platform/mail/addresses';
import { appendEvent } from './append-event';
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
      allowedAddresses: [conversation.customerEmail, addressOf(config.mailFrom)],
    });

    await db.$transaction(async (tx) => {
      const draft = await tx.draft.upsert({
        where: { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } },
        create: {
          conversationId: input.conversationId,
          version: input.draftVersion,
          status: 'pending',
          aiBody: body,
          model: message.model,
          knowledgeUsed,
          revisionInstructions: input.revision?.instructions,
          basedOnMessageId: messageId,
        },
        update: { aiBody: body, model: message.model, knowledgeUsed },
      });
      await tx.conversation.update({ where: { id: input.conversationId }, data: { currentDraftId: draft.id } });
      await appendEvent(tx, {
        conversationId: input.conversationId,
        key: `drafted:v${input.draftVersion}`,
        type: 'drafted',
        data: {
          draftVersion: input.draftVersion,
          model: message.model,
          knowledgeUsed,
          revision: input.revision !== undefined,
          costUsd,
          outputTokens: message.usage.output_tokens,
        },
      });
    });
    return { draftVersion: input.draftVersion, knowledgeUsed, problems };
  };
}
