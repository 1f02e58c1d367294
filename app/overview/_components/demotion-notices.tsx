import type { CategoryState } from '@/lib/features/autonomy/category-state';
import { formatDateTime } from '@/lib/web/format';

/** Categories that lost auto-send by themselves: impossible to miss until a manager acts. */
export function DemotionNotices({ demoted }: { demoted: CategoryState[] }) {
  if (demoted.length === 0) return null;
  return (
    <div className="space-y-2">
      {demoted.map((state) => (
        <div key={state.category} role="alert" data-testid={`demotion-${state.category}`} className="rounded-lg border-2 border-amber-500 bg-amber-50 px-4 py-3 text-amber-950">
          <p className="text-sm font-bold">
            Auto-send switched off for “{state.category}”{state.demotion ? ` on ${formatDateTime(state.demotion.at)}` : ''}
          </p>
          <p className="mt-1 text-sm">{state.demotion?.summary}</p>
          <p className="mt-1 text-xs">
            Replies in this category wait for a person again; it can earn auto-send back from decisions made since.{' '}
            {state.noticeEmailedTo ? `Managers were emailed at ${state.noticeEmailedTo}.` : state.noticeError ? `The email could not be sent: ${state.noticeError}.` : 'No notification address is configured (AUTONOMY_NOTIFY_EMAIL or ESCALATION_EMAIL).'}
          </p>
        </div>
      ))}
    </div>
  );
}
