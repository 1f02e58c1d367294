import type { ReactNode } from 'react';
import type { TimelineItem } from '@/lib/read/conversation/get-conversation-detail';
import { countOf, formatDateTime, formatNumber, formatUsd } from '@/lib/web/format';
import { screeningLabel } from '@/lib/core/safety/screening-labels';

export interface EntryView {
  title: ReactNode;
  detail?: ReactNode;
  tone: 'neutral' | 'good' | 'warn' | 'bad';
}

const DECISION_VERB = { approve: 'approved', edit_approve: 'edited and approved', reject: 'rejected', revise: 'asked for a revision of' } as const;

const LIFECYCLE_TITLE = {
  close: (who: string) => `${who} closed the conversation`,
  reopen: (who: string) => `${who} reopened the conversation`,
  snooze: (who: string, until?: string) => `${who} snoozed the conversation ${until ? `until ${until}` : 'until the customer replies'}`,
  wait_on_customer: (who: string) => `${who} marked it waiting on the customer`,
  snooze_ended: () => 'The snooze ended',
} as const;

/** How each mirrored workflow event reads in the timeline. */
export function describeEvent(item: TimelineItem, who: string): EntryView {
  switch (item.type) {
    case 'received':
      return {
        title: item.data.automated ? 'Automated message received' : 'Customer message received',
        detail: [item.data.fromAddress, ...item.data.screening.map((flag) => `flag: ${screeningLabel(flag)}`)].join(' · '),
        tone: item.data.screening.length > 0 ? 'warn' : 'neutral',
      };
    case 'classified':
      return item.data.ok
        ? {
            title: `Classified: ${item.data.category ?? '?'} · ${item.data.priority ?? '?'} · risk ${item.data.riskScore ?? '?'}${item.data.injectionSuspected ? ' · injection suspected' : ''}`,
            detail: `${item.data.model} · ${formatNumber(item.data.inputTokens)} prompt / ${formatNumber(item.data.outputTokens)} output tokens · ${formatUsd(item.data.costUsd)}`,
            tone: item.data.injectionSuspected ? 'bad' : 'neutral',
          }
        : { title: 'Classification failed', detail: item.data.error, tone: 'bad' };
    case 'drafted':
      if (item.data.unusableReason) {
        return {
          title: `${item.data.revision ? 'Revised draft' : 'Draft'} v${item.data.draftVersion} unusable`,
          detail: `${item.data.unusableReason} · ${item.data.model} · ${formatUsd(item.data.costUsd)}`,
          tone: 'bad',
        };
      }
      return {
        title: `${item.data.revision ? 'Revised draft' : 'Draft'} v${item.data.draftVersion} written`,
        detail: `${item.data.model} · ${formatNumber(item.data.outputTokens)} output tokens · ${formatUsd(item.data.costUsd)} · ${countOf(item.data.knowledgeUsed.length, 'article')} cited`,
        tone: 'neutral',
      };
    case 'routed':
      return {
        title: item.data.route === 'auto_send' ? `v${item.data.draftVersion} routed to auto-send` : `v${item.data.draftVersion} routed to review`,
        detail: item.data.reasons.join('; '),
        tone: item.data.route === 'auto_send' ? 'good' : 'neutral',
      };
    case 'auto_send_held':
      return { title: `Auto-send held until ${formatDateTime(item.data.holdUntil)}`, tone: 'warn' };
    case 'auto_send_cancelled':
      return { title: `Auto-send of v${item.data.draftVersion} cancelled${item.actorId ? ` by ${who}` : ''}`, detail: item.data.reason, tone: 'warn' };
    case 'decision':
      return {
        title: `${who} ${DECISION_VERB[item.data.kind]} v${item.data.draftVersion}`,
        detail:
          [
            item.data.kind === 'edit_approve' && item.data.editDistance !== undefined ? `${item.data.editDistance} characters changed` : undefined,
            item.data.reason,
            item.data.instructions,
          ]
            .filter(Boolean)
            .join(' · ') || undefined,
        tone: item.data.kind === 'reject' ? 'bad' : item.data.kind === 'revise' ? 'warn' : 'good',
      };
    case 'superseded':
      return { title: `v${item.data.draftVersion} superseded by a new customer message`, tone: 'warn' };
    case 'escalated':
      return { title: `Escalated: no decision after ${item.data.waitedMinutes} min`, tone: 'bad' };
    case 'sent':
      return { title: `Reply v${item.data.draftVersion} sent ${item.data.auto ? 'automatically' : 'after approval'}`, detail: `to ${item.data.toAddress}`, tone: 'good' };
    case 'send_failed':
      return { title: `Sending v${item.data.draftVersion} failed${item.data.permanent ? ' permanently' : ''}`, detail: item.data.error, tone: 'bad' };
    case 'ignored':
      return { title: 'Ignored', detail: item.data.reason, tone: 'neutral' };
    case 'closed':
      return { title: 'Conversation closed', detail: item.data.reason, tone: 'neutral' };
    case 'send_undone':
      return { title: `${who} undid the send of v${item.data.draftVersion}; it is back for review`, tone: 'warn' };
    case 'lifecycle':
      return { title: LIFECYCLE_TITLE[item.data.action](who, item.data.until ? formatDateTime(item.data.until) : undefined), tone: 'neutral' };
    case 'knowledge_changed':
      return { title: `Knowledge behind v${item.data.draftVersion} changed`, detail: item.data.reason, tone: 'warn' };
    case 'needs_person':
      return { title: `Needs a person: Claude could not ${item.data.stage === 'classify' ? 'classify' : 'draft'} this`, detail: item.data.reason, tone: 'bad' };
    case 'manual_reply':
      return {
        title: `${who} wrote reply v${item.data.draftVersion} by hand`,
        detail: item.data.replacedDraftVersion !== undefined ? `instead of draft v${item.data.replacedDraftVersion}` : undefined,
        tone: 'good',
      };
    case 'resend_requested':
      return {
        title: `${who} resent v${item.data.draftVersion}`,
        detail: item.data.confirmedLedgerStatus === 'sending' ? 'after confirming the outbox did not have it' : 'after the relay refused it',
        tone: 'warn',
      };
    case 'auto_sent_reviewed':
      return item.data.verdict === 'ok'
        ? { title: `${who} reviewed automatic reply v${item.data.draftVersion}: fine`, tone: 'good' }
        : { title: `${who} marked automatic reply v${item.data.draftVersion} "should not have gone out"`, detail: item.data.reason, tone: 'bad' };
    case 'sla_notice':
      return {
        title: `${item.data.target === 'first_response' ? 'First reply' : 'Reply'} ${item.data.kind === 'breach' ? 'overdue: response target missed' : 'due soon'}`,
        detail: `due ${formatDateTime(item.data.dueAt)} (business hours, Settings → Response targets)`,
        tone: item.data.kind === 'breach' ? 'bad' : 'warn',
      };
    case 'assigned':
      return { title: assignmentTitle(item.data, who), tone: 'neutral' };
    case 'other':
      return { title: item.rawType.replaceAll('_', ' '), tone: 'neutral' };
  }
}

function assignmentTitle(data: { assigneeName: string | null; how: 'take' | 'assign' | 'unassign' | 'round_robin' }, who: string): string {
  switch (data.how) {
    case 'take':
      return `${who} took it`;
    case 'assign':
      return `${who} assigned it to ${data.assigneeName ?? 'someone'}`;
    case 'unassign':
      return `${who} unassigned it`;
    case 'round_robin':
      return `Assigned to ${data.assigneeName ?? 'someone'} (round-robin)`;
  }
}
