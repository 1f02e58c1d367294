import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { requireUser } from '@/lib/web/auth';
import { getConversationDetailOrThrow } from '@/lib/read/conversation/get-conversation-detail';
import { resolveKnowledge } from '@/lib/read/conversation/resolve-knowledge';
import { getInboxNeighbours } from '@/lib/read/inbox/get-inbox-neighbours';
import { isNotFoundError } from '@/lib/core/errors';
import { inboxQueryString, parseInboxParams } from '@/lib/core/conversation/inbox-params';
import { temporalWorkflowUrl } from '@/lib/web/external-links';
import { ClassificationPanel } from './_components/classification-panel';
import { ConversationHeader } from './_components/conversation-header';
import { ConversationKeys } from './_components/conversation-keys';
import { DraftSection } from './_components/draft-section';
import { InjectionBanner } from './_components/injection-banner';
import { KnowledgeUsed } from './_components/knowledge-used';
import { ModelCalls } from './_components/model-calls';
import { Thread } from './_components/thread';
import { Timeline } from './_components/timeline';

export const metadata: Metadata = { title: 'Conversation' };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function loadDetail(id: string) {
  try {
    return await getConversationDetailOrThrow(id);
  } catch (error) {
    if (isNotFoundError(error)) notFound();
    throw error;
  }
}

export default async function ConversationPage({ params, searchParams }: Props) {
  await requireUser();
  const { id } = await params;
  // The inbox order the agent came from (queue, sort, filters): j/k follow it.
  const inbox = parseInboxParams(await searchParams);
  const detail = await loadDetail(id);
  const { conversation, currentDraft } = detail;
  const [neighbours, knowledge] = await Promise.all([
    getInboxNeighbours(inbox, conversation),
    resolveKnowledge(currentDraft?.knowledge ?? []),
  ]);

  const context = inboxQueryString(inbox, { cursor: undefined });
  const hrefFor = (otherId: string | null) => (otherId ? `/conversations/${encodeURIComponent(otherId)}${context}` : null);
  const serverNow = new Date().toISOString();
  const injection = conversation.injectionSuspected || detail.classification?.injectionSuspected === true;
  const deciding = currentDraft?.status === 'pending' && ['awaiting_approval', 'escalated'].includes(conversation.status);

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-4">
        <LiveRefresh />
        <ConversationKeys previousHref={hrefFor(neighbours.previousId)} nextHref={hrefFor(neighbours.nextId)} inboxHref={`/${context}`} deciding={deciding} />
      </div>
      <ConversationHeader conversation={conversation} inboxHref={`/${context}`} serverNow={serverNow} />
      {injection ? <InjectionBanner reasons={detail.classification?.injectionReasons ?? []} /> : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <Thread messages={detail.messages} />
          <DraftSection conversation={conversation} draft={currentDraft} drafts={detail.drafts} serverNow={serverNow} />
        </div>
        <aside className="space-y-4" aria-label="Details">
          <ClassificationPanel classification={detail.classification} />
          <KnowledgeUsed knowledge={knowledge} />
          <Timeline items={detail.timeline} people={detail.people} serverNow={serverNow} temporalUrl={temporalWorkflowUrl(conversation.id)} />
          <ModelCalls calls={detail.llmCalls} usage={detail.usage} />
        </aside>
      </div>
    </div>
  );
}
