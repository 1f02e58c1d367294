'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Kbd } from '@/components/kbd';
import { ShortcutsDialog, type Shortcut } from '@/components/shortcuts-dialog';
import { useHotkeys } from '@/components/use-hotkeys';

const NAVIGATION: Shortcut[] = [
  { keys: ['j'], description: 'Next conversation' },
  { keys: ['k'], description: 'Previous conversation' },
  { keys: ['u'], description: 'Back to the inbox' },
  { keys: ['?'], description: 'Show shortcuts' },
];
const DECIDING: Shortcut[] = [
  { keys: ['e'], description: 'Edit the draft' },
  { keys: ['a', 'a'], description: 'Approve & send (press twice)' },
  { keys: ['r'], description: 'Ask Claude to revise' },
];
const WRITING: Shortcut[] = [{ keys: ['Ctrl', '/'], description: 'Insert a saved reply (in a reply box)' }];

/** j/k walk the inbox order the agent came from; ? lists every key on this page. */
export function ConversationKeys({ previousHref, nextHref, inboxHref, deciding }: { previousHref: string | null; nextHref: string | null; inboxHref: string; deciding: boolean }) {
  const router = useRouter();
  const [help, setHelp] = useState(false);
  useHotkeys({
    j: () => nextHref && router.push(nextHref),
    k: () => previousHref && router.push(previousHref),
    u: () => router.push(inboxHref),
    '?': () => setHelp(true),
  });
  const link = 'rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100';
  const disabled = 'rounded px-1.5 py-0.5 text-xs text-slate-500';
  return (
    <div className="flex items-center gap-1">
      {previousHref ? (
        <Link href={previousHref} className={link}>
          <Kbd>k</Kbd> Previous
        </Link>
      ) : (
        <span className={disabled}>
          <Kbd>k</Kbd> Previous
        </span>
      )}
      {nextHref ? (
        <Link href={nextHref} className={link}>
          Next <Kbd>j</Kbd>
        </Link>
      ) : (
        <span className={disabled}>
          Next <Kbd>j</Kbd>
        </span>
      )}
      <button type="button" onClick={() => setHelp(true)} className="ml-2 text-xs text-slate-500 hover:text-slate-800">
        <Kbd>?</Kbd>
      </button>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} shortcuts={deciding ? [...NAVIGATION, ...DECIDING, ...WRITING] : [...NAVIGATION, ...WRITING]} />
    </div>
  );
}
