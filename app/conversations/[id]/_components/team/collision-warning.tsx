'use client';

import { Button } from '@/components/button';

/**
 * Shown before an agent starts a reply while a colleague is writing one (Help Scout's
 * collision detection): two replies to one customer is the mistake this prevents.
 */
export function CollisionWarning({ writers, onContinue, onCancel }: { writers: string[]; onContinue: () => void; onCancel?: () => void }) {
  const who = writers.length === 1 ? writers[0] : `${writers.slice(0, -1).join(', ')} and ${writers.at(-1)}`;
  return (
    <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p>
        <strong>{who} {writers.length === 1 ? 'is' : 'are'} writing a reply</strong> to this conversation right now. If you write one too, the customer may get two
        answers.
      </p>
      <div className="flex gap-2">
        <Button size="sm" onClick={onContinue}>
          Write anyway
        </Button>
        {onCancel ? (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Leave it to {writers.length === 1 ? writers[0] : 'them'}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
