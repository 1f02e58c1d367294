import type { InboxMark } from '@/lib/read/team/get-inbox-marks';

/** Under a row's subject: who owns it and who has it open or is writing a reply (live with the list). */
export function TeamLine({ mark }: { mark: InboxMark }) {
  const writing = mark.present.filter((person) => person.state === 'writing');
  const viewing = mark.present.filter((person) => person.state === 'viewing');
  if (!mark.ownerName && mark.present.length === 0) return null;
  return (
    <span className="flex gap-2 truncate text-xs" data-team-line>
      {mark.ownerName ? <span className="text-slate-600">{mark.ownerIsViewer ? 'Yours' : `Owner: ${mark.ownerName}`}</span> : null}
      {writing.length > 0 ? <span className="font-medium text-amber-800"><span aria-hidden="true">✎ </span>{writing.map((person) => person.name).join(', ')} writing</span> : null}
      {viewing.length > 0 ? <span className="text-emerald-800"><span aria-hidden="true">👁 </span>{viewing.map((person) => person.name).join(', ')} viewing</span> : null}
    </span>
  );
}
