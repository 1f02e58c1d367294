// Older runs only (before the one-send-decision patch); new runs read readSendFacts and decide
// in lib/core/policy/send-decision.ts.
import type { ActivityDeps } from './deps';
import { getAutomationPolicy } from '../../lib/features/settings/automation-policy';
import { describeCategoryAutoSend, getCategoryState } from '../../lib/features/autonomy/category-state';

export interface AuthorizeAutoSendInput {
  conversationId: string;
  draftVersion: number;
}

export interface AuthorizeAutoSendResult {
  allowed: boolean;
  reasons: string[];
}

const HOUR_MS = 3_600_000;

/**
 * The last gate before an auto-send, read live at the end of the hold: the draft itself
 * (complete, written by the model, not refused or cut off), the kill switch
 * (so flipping it stops conversations already on hold), the category's autonomy (a demotion
 * during the hold stops it too) and hourly caps per sender and overall (so a flood of
 * look-alike mail cannot turn into a flood of replies).
 */
export function createAuthorizeAutoSend(deps: ActivityDeps) {
  return async function authorizeAutoSend(input: AuthorizeAutoSendInput): Promise<AuthorizeAutoSendResult> {
    const { db, config } = deps;
    const policy = await getAutomationPolicy({}, db);
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId } });
    const draft = await db.draft.findUniqueOrThrow({
      where: { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } },
    });
    const classification = await db.classification.findUnique({ where: { messageId: draft.basedOnMessageId }, select: { category: true } });
    const since = new Date(Date.now() - HOUR_MS);
    const autoSends = { kind: 'auto_send', createdAt: { gte: since } } as const;
    const [global, perSender] = await Promise.all([
      db.decision.count({ where: autoSends }),
      db.decision.count({ where: { ...autoSends, conversation: { customerEmail: conversation.customerEmail } } }),
    ]);
    const reasons: string[] = [];
    if (!policy.autoSendEnabled) reasons.push('Auto-send was switched off (kill switch)');
    if (!classification?.category) {
      reasons.push('The draft has no classified category');
    } else {
      const category = describeCategoryAutoSend(await getCategoryState(classification.category, { thresholds: config.trustThresholds, policy }, db));
      if (!category.enabled) reasons.push(category.reason);
    }
    // The last line of defence for a refused or cut-off draft: only a complete model draft goes out alone.
    if (draft.status === 'unusable' || draft.origin !== 'model' || (draft.stopReason !== null && draft.stopReason !== 'end_turn')) {
      reasons.push(`The draft is incomplete or not a model draft (status ${draft.status}, stop reason ${draft.stopReason ?? 'unknown'})`);
    }
    if (global >= config.autoSendHourlyCapGlobal) reasons.push(`The hourly auto-send cap of ${config.autoSendHourlyCapGlobal} is reached`);
    if (perSender >= config.autoSendHourlyCapPerSender) {
      reasons.push(`This sender already got ${perSender} automatic replies in the last hour`);
    }
    return { allowed: reasons.length === 0, reasons };
  };
}
