import { RelativeTime } from '@/components/relative-time';
import type { TimelineItem } from '@/lib/read/conversation/get-conversation-detail';
import { describeEvent } from './timeline-entry';

const DOT = { neutral: 'bg-slate-300', good: 'bg-emerald-500', warn: 'bg-amber-500', bad: 'bg-red-600' } as const;

/** What the workflow did, in order: received → classified → drafted → routed → decided → sent. */
export function Timeline({ items, people, serverNow, temporalUrl }: { items: TimelineItem[]; people: Record<string, string>; serverNow: string; temporalUrl: string }) {
  return (
    <section aria-labelledby="timeline-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-baseline justify-between">
        <h2 id="timeline-heading" className="text-sm font-semibold">
          Timeline
        </h2>
        <a href={temporalUrl} target="_blank" rel="noreferrer" className="text-xs font-medium text-brand-700 hover:underline">
          Technical history (for engineers) ↗
        </a>
      </div>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No events yet.</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {items.map((item) => {
            const who = item.actorId ? (people[item.actorId] ?? 'An agent') : 'The policy';
            const view = describeEvent(item, who);
            return (
              <li key={item.id} className="relative flex gap-3 text-sm">
                <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${DOT[view.tone]}`} />
                <div className="min-w-0">
                  <p className="text-slate-900">{view.title}</p>
                  {view.detail ? <p className="break-words text-xs text-slate-500">{view.detail}</p> : null}
                  <RelativeTime date={item.at.toISOString()} serverNow={serverNow} className="text-xs text-slate-500" />
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
