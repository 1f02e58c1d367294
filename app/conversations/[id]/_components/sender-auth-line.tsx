import { Badge, type BadgeTone } from '@/components/badge';
import type { ThreadMessage } from '@/lib/read/conversation/get-conversation-detail';

const tone = (result: string): BadgeTone => (result === 'pass' ? 'success' : result === 'fail' || result === 'softfail' || result === 'permerror' ? 'danger' : 'neutral');

/** SPF, DKIM and DMARC as checked when the mail arrived: what the sender's domain says about it. */
export function SenderAuthLine({ message }: { message: ThreadMessage }) {
  const auth = message.authResults;
  if (!auth || message.direction === 'outbound') return null;
  if (!auth.checked) return <p className="mb-2 text-xs text-slate-500">Sender authentication not checked: {auth.reason}.</p>;
  const dkim = auth.dkim.length === 0 ? { result: 'none', label: 'DKIM none' } : (auth.dkim.find((signature) => signature.result === 'pass' && signature.aligned) ?? auth.dkim[0]);
  const dkimLabel = dkim && 'domain' in dkim && dkim.domain ? `DKIM ${dkim.result} (${dkim.domain})` : `DKIM ${dkim?.result ?? 'none'}`;
  return (
    <ul aria-label="Sender authentication" className="mb-2 flex flex-wrap items-center gap-1 text-xs">
      <li>
        <Badge tone={tone(auth.spf.result)} title={auth.spf.comment}>
          SPF {auth.spf.result}
        </Badge>
      </li>
      <li>
        <Badge tone={tone(dkim?.result ?? 'none')} title={dkim && 'comment' in dkim ? dkim.comment : undefined}>
          {dkimLabel}
        </Badge>
      </li>
      <li>
        <Badge tone={tone(auth.dmarc.result)} title={auth.dmarc.comment}>
          DMARC {auth.dmarc.result}
          {auth.dmarc.domain ? ` (${auth.dmarc.domain})` : ''}
        </Badge>
      </li>
      {message.channel ? <li className="text-slate-500">via {message.channel}</li> : null}
    </ul>
  );
}
