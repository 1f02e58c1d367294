'use client';

import { useState } from 'react';
import { Kbd } from '@/components/kbd';
import { ShortcutsDialog, type Shortcut } from '@/components/shortcuts-dialog';
import { useHotkeys } from '@/components/use-hotkeys';
import { BULK_ACTIONS } from './bulk-actions';

const SHORTCUTS: Shortcut[] = [
  { keys: ['j'], description: 'Next conversation' },
  { keys: ['k'], description: 'Previous conversation' },
  { keys: ['Enter'], description: 'Open conversation' },
  { keys: ['/'], description: 'Search' },
  { keys: ['x'], description: 'Select the focused conversation' },
  ...BULK_ACTIONS.map((action) => ({ keys: [action.key], description: `${action.label} (the selection)` })),
  { keys: ['t'], description: 'Tag the selection' },
  { keys: ['Esc'], description: 'Clear the selection' },
  { keys: ['?'], description: 'Show shortcuts' },
];

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-inbox-row]')];
}

function move(step: 1 | -1): void {
  const list = rows();
  if (list.length === 0) return;
  const index = list.indexOf(document.activeElement as HTMLElement);
  const next = list[index === -1 ? (step === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + step))];
  next?.focus();
  next?.scrollIntoView({ block: 'nearest' });
}

/** Inbox keys: j/k move between rows, Enter opens (native link), / searches, ? lists keys. */
export function InboxKeys() {
  const [help, setHelp] = useState(false);
  useHotkeys({
    j: () => move(1),
    k: () => move(-1),
    '/': () => document.getElementById('inbox-search')?.focus(),
    '?': () => setHelp(true),
  });
  return (
    <>
      <button type="button" onClick={() => setHelp(true)} className="text-xs text-slate-500 hover:text-slate-800">
        <Kbd>?</Kbd> shortcuts
      </button>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} shortcuts={SHORTCUTS} />
    </>
  );
}
