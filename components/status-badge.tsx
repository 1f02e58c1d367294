import { statusLabel } from '@/lib/core/conversation/statuses';
import { Badge, type BadgeTone } from './badge';

const TONE: Record<string, BadgeTone> = {
  awaiting_approval: 'brand',
  needs_person: 'danger',
  escalated: 'danger',
  auto_send_hold: 'warning',
  sending: 'info',
  sent: 'success',
  rejected: 'neutral',
  failed: 'danger',
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? 'neutral'}>{statusLabel(status)}</Badge>;
}

const PRIORITY_TONE: Record<string, BadgeTone> = { urgent: 'danger', high: 'warning', normal: 'neutral', low: 'neutral' };

export function PriorityBadge({ priority }: { priority: string | null }) {
  if (!priority) return <span className="text-xs text-slate-500">—</span>;
  return <Badge tone={PRIORITY_TONE[priority] ?? 'neutral'}>{priority}</Badge>;
}
