import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { requireUser } from '@/lib/web/auth';
import { getConversationDetailOrThrow } from '@/lib/read/conversation/get-conversation-detail';
import { getDraftSources } from '@/lib/read/conversation/get-draft-sources';
import { getDraftVariants } from '@/lib/read/conversation/get-draft-variants';
import { loadCidImages } from '@/lib/read/conversation/inline-images';
import { getInboxNeighbours } from '@/lib/read/inbox/get-inbox-neighbours';
import { getAutomationPolicy } from '@/lib/features/settings/automation-policy';
import { DEFAULT_UNDO_SECONDS } from '@/lib/core/policy/automation-policy';
import { isNotFoundError } from '@/lib/core/errors';
import { inboxQueryString, parseInboxParams } from '@/lib/core/conversation/inbox-params';
import { temporalWorkflowUrl } from '@/lib/web/external-links';
import { ClassificationPanel } from './_components/classification-panel';
import { ConversationHeader } from './_components/conversation-header';
import { ConversationKeys } from './_components/conversation-keys';
import { DecisionFlash } from './_components/decision-flash';
import { DraftSection } from './_components/draft-section';
import { InjectionBanner } from './_components/injection-banner';
import { DraftSources } from './_components/draft-sources';
import { ModelCalls } from './_components/model-calls';
import { Thread } from './_components/thread';
import { Timeline } from './_components/timeline';
import { NeedsPersonBanner } from './_components/needs-person-banner';
import { PolicyVerdictPanel } from './_components/policy-verdict-panel';
import { ReplyComposer } from './_components/reply-composer';
import { ResendPanel, type OutboxFinding } from './_components/resend-panel';
import { LifecyclePanel } from './_components/lifecycle-panel';
import { TagEditor } from './_components/tag-editor';
import { findCaughtReply } from '@/lib/read/outbox/find-caught-reply';
import type { SendView } from '@/lib/read/conversation/get-conversation-detail';
import { getCustomerContext } from '@/lib/read/conversation/get-customer-context';
import { CustomerContextPanel } from './_components/customer-context-panel';
import { getConversationTeam } from '@/lib/read/team/get-conversation-team';
import { NotesPanel } from './_components/team/notes-panel';
import { OwnerPanel } from './_components/team/owner-panel';
import { PresenceList } from './_components/team/presence-list';
import { PresenceProvider } from './_components/team/presence-provider';

export const metadata: Metadata = { title: 'Conversation' };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** What the outbox holds for a send that failed or is uncertain, for the resend confirmation. */
async function outboxFinding(send: SendView): Promise<OutboxFinding> {
  const result = await findCaughtReply(send.messageIdHeader);
  switch (result.kind) {
    case 'disabled':
      return { kind: 'relay' };
    case 'unreachable':
      return { kind: 'unreachable', message: result.message };
    case 'not_found':
      return { kind: 'not_found' };
    case 'ok':
      return result.value ? { kind: 'found', receivedAt: result.value.receivedAt } : { kind: 'not_found' };
  }
}

/**
 * Where an agent may write their own reply: anywhere but after the conversation closed. (Mid-send
 * the workflow refuses it with a clear message; unmounting the composer then would lose its outcome.)
 */
const NO_COMPOSE = new Set(['closed']);

async function loadDetail(id: string) {
  try {
    return await getConversationDetailOrThrow(id);
  } catch (error) {
    if (isNotFoundError(error)) notFound();
    throw error;
  }
}

export default async function ConversationPage({ params, searchParams }: Props) {
  const viewer = await requireUser();
  const { id } = await params;
  // The inbox order the agent came from (queue, sort, filters): j/k follow it.
  const inbox = parseInboxParams(await searchParams);
  const detail = await loadDetail(id);
  const { conversation, currentDraft } = detail;
  const [neighbours, sources, cidImages, customerContext, team, policy, variants] = await Promise.all([
    getInboxNeighbours(inbox, conversation, undefined, viewer.id),
    currentDraft ? getDraftSources(currentDraft.id) : [],
    loadCidImages(detail.messages),
    getCustomerContext(conversation),
    getConversationTeam(conversation.id, viewer.id),
    getAutomationPolicy(),
    currentDraft ? getDraftVariants(conversation.id, currentDraft.version) : [],
  ]);

  const context = inboxQueryString(inbox, { cursor: undefined });
  const hrefFor = (otherId: string | null) => (otherId ? `/conversations/${encodeURIComponent(otherId)}${context}` : null);
  const serverNow = new Date().toISOString();
  const injection = conversation.injectionSuspected || detail.classification?.injectionSuspected === true;
  const deciding = currentDraft?.status === 'pending' && ['awaiting_approval', 'escalated'].includes(conversation.status);
  const failedSend =
    conversation.status === 'failed' ? detail.sends.filter((send) => send.status === 'sending' || send.status === 'failed').at(-1) : undefined;
  const finding = failedSend ? await outboxFinding(failedSend) : null;
  const openDraft = currentDraft && ['pending', 'auto_send_hold'].includes(currentDraft.status) ? currentDraft.version : null;
  const unusableText = currentDraft?.status === 'unusable' && currentDraft.aiBody.trim() ? currentDraft.aiBody : null;
  const composeFirst = conversation.status === 'needs_person' || conversation.status === 'rejected' || (!currentDraft && !['received', 'classifying', 'drafting'].includes(conversation.status));

  return (
    <PresenceProvider conversationId={conversation.id} others={team.others} serverNow={serverNow}>
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <LiveRefresh />
        <PresenceList />
        <ConversationKeys previousHref={hrefFor(neighbours.previousId)} nextHref={hrefFor(neighbours.nextId)} inboxHref={`/${context}`} deciding={deciding} />
      </div>
      <DecisionFlash />
      <ConversationHeader conversation={conversation} inboxHref={`/${context}`} serverNow={serverNow} riskLimit={policy.maxRiskScore} />
      {conversation.status === 'needs_person' ? <NeedsPersonBanner reason={conversation.statusReason} /> : null}
      {injection ? <InjectionBanner reasons={detail.classification?.injectionReasons ?? []} /> : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <Thread messages={detail.messages} cidImages={cidImages} />
          <DraftSection conversation={conversation} draft={currentDraft} drafts={detail.drafts} serverNow={serverNow} nextHref={hrefFor(neighbours.nextId)} undoSeconds={policy.undoSeconds ?? DEFAULT_UNDO_SECONDS} variants={variants} />
          {failedSend && finding ? <ResendPanel key={`${failedSend.draftVersion}:${failedSend.attempts}`} conversationId={conversation.id} send={failedSend} finding={finding} /> : null}
          {NO_COMPOSE.has(conversation.status) ? null : (
            <ReplyComposer
              key={conversation.id}
              conversationId={conversation.id}
              customerEmail={conversation.customerEmail}
              startText={unusableText}
              replacing={openDraft}
              defaultOpen={composeFirst}
              subject={conversation.subject}
              nextHref={hrefFor(neighbours.nextId)}
              undoSeconds={policy.undoSeconds ?? DEFAULT_UNDO_SECONDS}
            />
          )}
        </div>
        <aside className="space-y-4" aria-label="Details">
          <OwnerPanel conversationId={conversation.id} assignee={team.assignee} viewerId={viewer.id} team={team.members} />
          <NotesPanel conversationId={conversation.id} notes={team.notes.map((note) => ({ ...note, at: note.createdAt.toISOString() }))} />
          <LifecyclePanel conversationId={conversation.id} status={conversation.status} />
          <TagEditor conversationId={conversation.id} category={conversation.category} tags={conversation.tags} />
          <ClassificationPanel classification={detail.classification} riskLimit={policy.maxRiskScore} />
          <CustomerContextPanel context={customerContext} />
          <PolicyVerdictPanel
            shadow={detail.shadows.find((shadow) => shadow.outcome === 'auto_sent' && shadow.review === 'pending') ?? detail.shadows[0]}
            conversationId={conversation.id}
            people={detail.people}
          />
          {currentDraft ? <DraftSources redraft={deciding && currentDraft ? { conversationId: conversation.id, draftVersion: currentDraft.version } : null} sources={sources} invented={currentDraft.inventedCitations} staleReason={currentDraft.staleReason} /> : null}
          <Timeline items={detail.timeline} people={detail.people} serverNow={serverNow} temporalUrl={temporalWorkflowUrl(conversation.id)} />
          <ModelCalls calls={detail.llmCalls} usage={detail.usage} />
        </aside>
      </div>
    </div>
    </PresenceProvider>
  );
}
