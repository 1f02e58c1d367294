import { SEND_LAYER_LABELS, type LayerVerdict } from '@/lib/core/policy/send-decision';

const VERDICT = {
  pass: { mark: '✓', label: 'passed', tone: 'text-emerald-800' },
  hold: { mark: '✗', label: 'held', tone: 'text-red-800' },
  not_run: { mark: '–', label: 'not run', tone: 'text-slate-600' },
} as const;

/**
 * Every layer of the send decision (lib/core/policy/send-decision.ts) with its verdict, and for
 * each hold the rule, the exact token and the sentence it was found in.
 */
export function SendLayers({ layers }: { layers: LayerVerdict[] }) {
  return (
    <ol className="space-y-1 text-sm" data-testid="send-layers">
      {layers.map((layer) => {
        const verdict = VERDICT[layer.verdict];
        return (
          <li key={layer.layer} data-layer={layer.layer} data-verdict={layer.verdict}>
            <span aria-hidden="true" className={verdict.tone}>
              {verdict.mark}
            </span>{' '}
            <span className={layer.verdict === 'hold' ? 'font-medium text-red-800' : 'text-slate-700'}>{SEND_LAYER_LABELS[layer.layer]}</span>{' '}
            <span className="text-xs text-slate-600">({verdict.label})</span>
            {layer.holds.length > 0 ? (
              <ul className="ml-5 list-disc space-y-0.5 text-xs text-slate-700">
                {layer.holds.map((hold, index) => (
                  <li key={`${hold.reason}-${index}`}>
                    {hold.reason}
                    {hold.token ? (
                      <>
                        {' '}
                        · held: <mark className="rounded bg-amber-100 px-1 text-slate-900">{hold.token}</mark>
                      </>
                    ) : null}
                    {hold.sentence && hold.sentence !== hold.token ? <div className="text-slate-600">in “{hold.sentence}”</div> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
