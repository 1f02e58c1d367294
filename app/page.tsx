import type { Metadata } from 'next';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { requireUser } from '@/lib/web/auth';
import { env } from '@/lib/platform/config/env';
import { countQueues } from '@/lib/read/inbox/count-queues';
import { listInbox } from '@/lib/read/inbox/list-inbox';
import { listMailboxes } from '@/lib/features/mailboxes/list-mailboxes';
import { getAutomationPolicy } from '@/lib/features/settings/automation-policy';
import { inboxQueryString, parseInboxParams } from '@/lib/core/conversation/inbox-params';
import { InboxKeys } from './_components/inbox-keys';
import { InboxList } from './_components/inbox-list';
import { InboxToolbar } from './_components/inbox-toolbar';
import { QueueTabs } from './_components/queue-tabs';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const params = parseInboxParams(await searchParams);
  const [page, counts, mailboxes, policy] = await Promise.all([
    listInbox({ queue: params.queue, sort: params.sort, category: params.category, mailboxId: params.mailbox, status: params.status, search: params.q, cursor: params.cursor }),
    countQueues(),
    listMailboxes(),
    getAutomationPolicy(),
  ]);
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
      <InboxList page={page} params={params} serverNow={serverNow} riskLimit={policy.maxRiskScore} />
    </div>
  );
}
