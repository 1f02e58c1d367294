'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

const FLASH_KEY = 'countersign.flash';

export interface Flash {
  message: string;
  /** The conversation the agent just left, to go back to. */
  fromHref: string;
  subject: string;
}

/**
 * After a decision settles a conversation (approved, rejected, the agent's reply queued), the
 * agent moves on to the next one in the queue they came from; what happened goes with them and
 * is shown there (DecisionFlash). With nothing next they stay, and the outcome shows in place.
 */
export function useMoveOn(done: Flash | null, nextHref: string | null): void {
  const router = useRouter();
  const moved = useRef(false);
  useEffect(() => {
    if (!done || !nextHref || moved.current) return;
    moved.current = true;
    try {
      sessionStorage.setItem(FLASH_KEY, JSON.stringify(done));
    } catch {
      // Storage refused (private mode, quota): moving on matters more than the note.
    }
    router.push(nextHref);
  }, [done, nextHref, router]);
}

/** The note the previous page left, read once. */
export function takeFlash(): Flash | null {
  try {
    const raw = sessionStorage.getItem(FLASH_KEY);
    sessionStorage.removeItem(FLASH_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Flash>) : null;
    return parsed && typeof parsed.message === 'string' && typeof parsed.fromHref === 'string' ? { message: parsed.message, fromHref: parsed.fromHref, subject: String(parsed.subject ?? '') } : null;
  } catch {
    return null;
  }
}
