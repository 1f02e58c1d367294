import type { ConversationDetail } from '@/lib/read/conversation/get-conversation-detail';
import { traceUrl } from '@/lib/web/external-links';
import { countOf, formatNumber, formatUsd } from '@/lib/web/format';

/** Every Claude call for this conversation with tokens, latency, cost and its LangFuse trace. */
export function ModelCalls({ calls, usage }: { calls: ConversationDetail['llmCalls']; usage: ConversationDetail['usage'] }) {
  return (
    <section aria-labelledby="calls-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-baseline justify-between">
        <h2 id="calls-heading" className="text-sm font-semibold">
          Model calls
        </h2>
        <p className="text-xs text-slate-600">
          Total <span className="font-semibold tabular-nums text-slate-900">{formatUsd(usage.costUsd)}</span> · {countOf(usage.calls, 'call')}
        </p>
      </div>
      {calls.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No model calls yet.</p>
      ) : (
        <table className="mt-2 w-full text-left text-xs">
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-1 font-medium">Call</th>
              <th scope="col" className="py-1 text-right font-medium">Prompt / output tokens</th>
              <th scope="col" className="py-1 pl-2 text-right font-medium">Cost</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {calls.map((call) => (
              <tr key={call.id} className={call.ok ? '' : 'text-red-700'}>
                <td className="py-1.5">
                  <span className="font-medium">{call.purpose}</span>
                  <span className="text-slate-500"> · {(call.latencyMs / 1000).toFixed(1)}s</span>
                  {call.attempt > 1 ? <span className="text-slate-500"> · retry {call.attempt - 1}</span> : null}
                  {call.ok ? null : <span title={call.error ?? undefined}> · failed{call.errorType ? ` (${call.errorType})` : ''}</span>}
                  {call.stopReason && !['end_turn', 'tool_use'].includes(call.stopReason) ? (
                    <span className="font-medium text-amber-800"> · stopped: {call.stopReason}</span>
                  ) : null}
                  <span className="block text-slate-500">
                    {call.model}
                    {call.traceId ? <TraceLink traceId={call.traceId} /> : null}
                  </span>
                </td>
                <td className="whitespace-nowrap py-1.5 text-right tabular-nums" title={call.cacheReadTokens || call.cacheWriteTokens ? `of the prompt, ${formatNumber(call.cacheReadTokens)} read from the cache and ${formatNumber(call.cacheWriteTokens)} written to it` : undefined}>
                  {formatNumber(call.promptTokens)} / {formatNumber(call.outputTokens)}
                </td>
                <td
                  className={`py-1.5 pl-2 text-right tabular-nums ${call.priceEstimated ? 'font-semibold text-amber-800' : ''}`}
                  title={call.priceEstimated ? 'This model is not in the price table: estimated at the highest list rates' : undefined}
                >
                  {formatUsd(call.costUsd)}
                  {call.priceEstimated ? ' (est., unknown model)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Shown only when LangFuse is configured: a link to nowhere helps no one. */
function TraceLink({ traceId }: { traceId: string }) {
  const href = traceUrl(traceId);
  if (!href) return null;
  return (
    <>
      {' · '}
      <a href={href} target="_blank" rel="noreferrer" className="font-medium text-brand-700 hover:underline">
        trace ↗
      </a>
    </>
  );
}
