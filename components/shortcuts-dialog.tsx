'use client';

import { useEffect, useRef } from 'react';
import { Button } from './button';
import { Kbd } from './kbd';

export interface Shortcut {
  keys: string[];
  description: string;
}

/** The "?" overlay listing the page's keys. A native <dialog>: Esc and focus trapping for free. */
export function ShortcutsDialog({ open, onClose, shortcuts }: { open: boolean; onClose: () => void; shortcuts: Shortcut[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      className="m-auto w-full max-w-sm rounded-lg p-0 shadow-xl backdrop:bg-slate-900/30"
    >
      <div className="p-4">
        <h2 id="shortcuts-title" className="text-sm font-semibold text-slate-900">
          Keyboard shortcuts
        </h2>
        <dl className="mt-3 space-y-2 text-sm">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.description} className="flex items-center justify-between gap-4">
              <dt className="text-slate-700">{shortcut.description}</dt>
              <dd className="flex gap-1">
                {shortcut.keys.map((key) => (
                  <Kbd key={key}>{key}</Kbd>
                ))}
              </dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 flex justify-end">
          <Button onClick={onClose}>Close</Button>
        </div>
      </div>
    </dialog>
  );
}
