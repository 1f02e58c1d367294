import type { Activities } from '../../worker/activities';
import type { ClassifyMessageResult } from '../../worker/activities/classify-message';

type Calls = { [K in keyof Activities]: Array<Parameters<Activities[K]>[0]> };

export interface FakeScript {
  /** Classification per message id; default: a low-risk, confident account question. */
  classify?: (messageId: string) => ClassifyMessageResult;
  screening?: (messageId: string) => string[];
  automated?: (messageId: string) => boolean;
  draftProblems?: string[];
  autoSendAllowed?: () => { allowed: boolean; reasons: string[] };
  sendFails?: 'permanent';
}

export const LOW_RISK: ClassifyMessageResult = {
  ok: true,
  category: 'account',
  priority: 'normal',
  riskScore: 10,
  confidence: 0.95,
  requiresHuman: false,
  injectionSuspected: false,
  summary: 'Password reset question',
};

export const HIGH_RISK: ClassifyMessageResult = { ...LOW_RISK, category: 'billing', riskScore: 85, summary: 'Refund with legal threat' };

/**
 * In-memory activities recording every call: workflow tests assert on what the workflow
 * asked the outside world to do, with the outside world made predictable.
 */
export function createFakeActivities(script: FakeScript = {}) {
  const calls = Object.fromEntries(
    [
      'prepareInboundMessage',
      'classifyMessage',
      'draftReply',
      'mirrorStatus',
      'recordRouting',
      'markDraftSuperseded',
      'recordDecision',
      'authorizeAutoSend',
      'sendReply',
      'notifyEscalation',
    ].map((name) => [name, []]),
  ) as unknown as Calls;
  const sentVersions = new Set<number>();

  const activities: Activities = {
    async prepareInboundMessage(input) {
      calls.prepareInboundMessage.push(input);
      return { automated: script.automated?.(input.messageId) ?? false, screeningFlags: script.screening?.(input.messageId) ?? [] };
    },
    async classifyMessage(input) {
      calls.classifyMessage.push(input);
      return script.classify?.(input.messageId) ?? LOW_RISK;
    },
    async draftReply(input) {
      calls.draftReply.push(input);
      return { draftVersion: input.draftVersion, knowledgeUsed: ['password-reset'], problems: script.draftProblems ?? [] };
    },
    async mirrorStatus(input) {
      calls.mirrorStatus.push(input);
    },
    async recordRouting(input) {
      calls.recordRouting.push(input);
    },
    async markDraftSuperseded(input) {
      calls.markDraftSuperseded.push(input);
    },
    async recordDecision(input) {
      calls.recordDecision.push(input);
    },
    async authorizeAutoSend(input) {
      calls.authorizeAutoSend.push(input);
      return script.autoSendAllowed?.() ?? { allowed: true, reasons: [] };
    },
    async sendReply(input) {
      calls.sendReply.push(input);
      if (script.sendFails === 'permanent') {
        const { ApplicationFailure } = await import('@temporalio/common');
        throw ApplicationFailure.nonRetryable('550 mailbox unavailable', 'PermanentDeliveryFailure');
      }
      const already = sentVersions.has(input.draftVersion);
      sentVersions.add(input.draftVersion);
      return { status: already ? 'already_sent' : 'sent', messageIdHeader: `<${input.conversationId}.v${input.draftVersion}@test>` };
    },
    async notifyEscalation(input) {
      calls.notifyEscalation.push(input);
    },
  };
  return { activities, calls };
}
