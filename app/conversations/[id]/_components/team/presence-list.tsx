'use client';

import { usePresence } from './presence-provider';

/** Who else has this conversation open, and who is writing a reply: live. */
export function PresenceList() {
  const { others } = usePresence();
  if (others.length === 0) return <p className="text-xs text-slate-500">Nobody else has this open.</p>;
  return (
    <ul aria-label="Also here" className="flex flex-wrap gap-2 text-xs">
      {others.map((person) => (
        <li
          key={person.userId}
          className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 ring-1 ring-inset ${
            person.state === 'writing' ? 'bg-amber-50 font-medium text-amber-900 ring-amber-300' : 'bg-slate-50 text-slate-700 ring-slate-200'
          }`}
        >
          <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${person.state === 'writing' ? 'bg-amber-500' : 'bg-emerald-500'}`} />
          {person.state === 'writing' ? `${person.name} is writing a reply` : `${person.name} is viewing`}
        </li>
      ))}
    </ul>
  );
}
