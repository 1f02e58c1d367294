import type { EscalationWorkflowInput } from '../../lib/core/contract';
import { domainOf } from '../../lib/platform/mail/addresses';
import { appendEvent } from '../../lib/features/timeline/append-event';
import { notify } from '../../lib/features/notifications/notify';
import type { ActivityDeps } from './deps';

/** Puts the escalation on the timeline, notifies people, and, when a team address is set, emails it. */
export function createNotifyEscalation(deps: ActivityDeps) {
  return async function notifyEscalation(input: EscalationWorkflowInput): Promise<void> {
    const { db, mailer, config } = deps;
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId } });
    await appendEvent(
      {
        conversationId: input.conversationId,
        key: `escalated:v${input.draftVersion}`,
        type: 'escalated',
        data: { draftVersion: input.draftVersion, waitedMinutes: input.waitedMinutes },
      },
      db,
    );
    // The owner, or the team while nobody owns it, each by the channels they chose.
    await notify({ kind: 'escalation', conversationId: input.conversationId, draftVersion: input.draftVersion, waitedMinutes: input.waitedMinutes }, { db, mailer, mailFrom: config.mailFrom });
    if (!config.escalationEmail) return;
    await mailer.send({
      from: config.mailFrom,
      to: { address: config.escalationEmail },
      subject: `[Escalated] ${conversation.subject}`,
      text:
        `No one has decided the draft for "${conversation.subject}" from ${conversation.customerEmail} ` +
        `within ${input.waitedMinutes} minutes.\nConversation: ${conversation.id}`,
      messageId: `<${conversation.id}.escalation.v${input.draftVersion}@${domainOf(config.mailFrom)}>`,
    });
  };
}
