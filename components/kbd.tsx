import type { ReactNode } from 'react';

/** A keyboard key hint. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-[11px] text-slate-600 shadow-[inset_0_-1px_0_0_rgb(203_213_225)]">
      {children}
    </kbd>
  );
}
