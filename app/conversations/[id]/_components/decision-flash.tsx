'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { takeFlash, type Flash } from './move-on';
import { UndoPanel } from './undo-panel';

/** What the agent just did on the previous conversation, with the way back to it. */
export function DecisionFlash() {
  const [flash, setFlash] = useState<Flash | null>(null);
  useEffect(() => setFlash(takeFlash()), []);
  if (!flash) return null;
  return (
    <div className="space-y-2">
      {flash.undo ? (
        <UndoPanel
          conversationId={flash.undo.conversationId}
          draftVersion={flash.undo.draftVersion}
          until={flash.undo.until}
          serverNow={new Date().toISOString()}
          undoneHref={flash.fromHref}
        />
      ) : null}
      {flashNote(flash, () => setFlash(null))}
    </div>
  );
}

function flashNote(flash: Flash, dismiss: () => void) {
  return (
    <div role="status" data-testid="decision-flash" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      <span>
        {flash.message} <span className="text-emerald-800">({flash.subject || 'no subject'})</span>
      </span>
      <Link href={flash.fromHref} className="font-medium underline">
        Back to it
      </Link>
      <button type="button" onClick={dismiss} className="ml-auto text-xs font-medium text-emerald-900 hover:underline">
        Dismiss
      </button>
    </div>
  );
}
