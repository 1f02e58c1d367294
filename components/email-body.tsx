'use client';

import { useState } from 'react';
import type { EmailBodyProps } from '@/lib/web/email-body-props';

/**
 * An email body: plain text when there is one (what Claude read), the sanitized HTML on
 * request. HTML renders in a sandboxed iframe without scripts, same-origin or forms;
 * remote images stay blocked until the agent asks for them.
 */
export function EmailBody({ text, htmlDocument, htmlDocumentWithImages, blockedImages, title }: EmailBodyProps & { title: string }) {
  const [view, setView] = useState<'text' | 'html'>(text !== null ? 'text' : 'html');
  const [images, setImages] = useState(false);
  const toggle = 'text-xs font-medium text-brand-700 hover:underline';
  return (
    <div className="space-y-2">
      {view === 'text' || htmlDocument === null ? (
        <div className="whitespace-pre-wrap break-words text-sm leading-relaxed text-slate-800">{text ?? '(empty message)'}</div>
      ) : (
        <iframe
          title={title}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          referrerPolicy="no-referrer"
          srcDoc={images && htmlDocumentWithImages ? htmlDocumentWithImages : htmlDocument}
          className="h-96 w-full resize-y rounded-md bg-white ring-1 ring-inset ring-slate-200"
        />
      )}
      <div className="flex flex-wrap gap-3">
        {text !== null && htmlDocument !== null ? (
          <button type="button" className={toggle} onClick={() => setView(view === 'text' ? 'html' : 'text')}>
            {view === 'text' ? 'Show formatted (HTML) version' : 'Show plain text'}
          </button>
        ) : null}
        {view === 'html' && blockedImages > 0 ? (
          <button type="button" className={toggle} onClick={() => setImages(!images)} aria-pressed={images}>
            {images ? 'Block remote images' : `Show remote images (${blockedImages} blocked)`}
          </button>
        ) : null}
      </div>
    </div>
  );
}
