import type { Metadata } from 'next';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { requireUser } from '@/lib/web/auth';
import { env } from '@/lib/platform/config/env';
import { countQueues } from '@/lib/read/inbox/count-queues';
import { listInbox } from '@/lib/read/inbox/list-inbox';
import { getInboxMarks } from '@/lib/read/team/get-inbox-marks';
import { listMailboxes } from '@/lib/features/mailboxes/list-mailboxes';
import { getAutomationPolicy } from '@/lib/features/settings/automation-policy';
import { inboxQueryString, parseInboxParams } from '@/lib/core/conversation/inbox-params';
import { InboxKeys } from './_components/inbox-keys';
import { InboxList } from './_components/inbox-list';
import { InboxSelection } from './_components/inbox-selection';
import { InboxToolbar } from './_components/inbox-toolbar';
import { QueueTabs } from './_components/queue-tabs';
import { listTeam } from '@/lib/read/team/list-team';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireUser();
  const params = parseInboxParams(await searchParams);
  const [page, counts, mailboxes, team, policy] = await Promise.all([
    listInbox({ queue: params.queue, sort: params.sort, category: params.category, mailboxId: params.mailbox, status: params.status, tag: params.tag, search: params.q, cursor: params.cursor, viewerId: viewer.id }),
    countQueues({ viewerId: viewer.id }),
    listMailboxes(),
    listTeam(),
    getAutomationPolicy(),
  ]);
  const marks = await getInboxMarks(page.rows, viewer.id);
  const serverNow = new Date().toISOString();
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold tracking-tight">Inbox</h1>
        <div className="flex items-center gap-4">
          <LiveRefresh />
          <InboxKeys />
        </div>
      </div>
      <QueueTabs params={params} counts={counts} />
      <InboxToolbar
        key={inboxQueryString(params)}
        params={params}
        categories={env().CATEGORIES}
        mailboxes={mailboxes.map((mailbox) => ({ id: mailbox.id, label: `${mailbox.displayName} <${mailbox.address}>` }))}
      />
      <InboxSelection team={team} viewerId={viewer.id} />
      <InboxList page={page} params={params} serverNow={serverNow} marks={marks} riskLimit={policy.maxRiskScore} />
    </div>
  );
}
