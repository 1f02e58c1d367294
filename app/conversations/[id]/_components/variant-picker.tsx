'use client';

import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import type { VariantLabel } from '@/lib/core/ab/variants';
import type { DraftVariantView } from '@/lib/read/conversation/get-draft-variants';

/** The side the draft row shows first (the workflow's primary), else the first one offered. */
export function primaryVariant(variants: DraftVariantView[], aiBody: string): VariantLabel | undefined {
  const offered = variants.filter((side) => side.status === 'ok');
  return (offered.find((side) => side.body === aiBody) ?? offered[0])?.label;
}

/**
 * The two sides of an A/B draft side by side. The agent picks one (the editor below then holds
 * its text, to approve as it is or edit first); a side that failed shows why instead.
 * `chosen` is undefined once the draft is decided: the sides are shown, the pick marked.
 */
export function VariantPicker({ variants, chosen, onChoose }: { variants: DraftVariantView[]; chosen?: VariantLabel; onChoose: (label: VariantLabel) => void }) {
  return (
    <section aria-label="A/B variants" className="grid gap-3 md:grid-cols-2">
      {variants.map((side) => (
        <article key={side.label} aria-label={`Variant ${side.label}`} className={`space-y-2 rounded-md p-3 ring-1 ring-inset ${side.label === chosen ? 'ring-2 ring-brand-500' : 'ring-slate-200'}`}>
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-sm font-semibold">Variant {side.label}</h3>
            <span className="text-xs text-slate-500">
              {side.model || 'default model'}
              {side.promptVersion !== null ? ` · prompt v${side.promptVersion}` : ''}
            </span>
            {side.picked ? <Badge tone="success">Picked{side.editSize ? ` · ${side.editSize} characters edited` : ''}</Badge> : null}
          </div>
          {side.status === 'ok' ? (
            <>
              <p className="max-h-64 overflow-auto whitespace-pre-wrap text-sm text-slate-800">{side.body}</p>
              {chosen !== undefined ? (
                <Button onClick={() => onChoose(side.label)} aria-pressed={side.label === chosen} disabled={side.label === chosen}>
                  {side.label === chosen ? `Variant ${side.label} in the editor` : `Use variant ${side.label}`}
                </Button>
              ) : null}
            </>
          ) : (
            <p role="note" className="text-sm text-red-700">
              Variant {side.label} failed: {side.failureReason ?? 'no usable draft'}. {variants.some((other) => other.status === 'ok') ? 'The other variant is offered alone.' : ''}
            </p>
          )}
        </article>
      ))}
    </section>
  );
}
