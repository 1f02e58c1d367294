'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

const FLASH_KEY = 'countersign.flash';

export interface Flash {
  message: string;
  /** The conversation the agent just left, to go back to. */
  fromHref: string;
  subject: string;
  /** The page it is for (set when moving): another page never shows it. */
  toPath?: string;
  /** An agent's send still in its undo window: Undo stays within reach on the next page. */
  undo?: { conversationId: string; draftVersion: number; until: string };
}

/** The undo a send carries to the next page, when the team's policy holds agents' sends (undoSeconds > 0). */
export function undoOf(conversationId: string, draftVersion: number, undoSeconds: number): Flash['undo'] {
  return undoSeconds > 0 ? { conversationId, draftVersion, until: new Date(Date.now() + undoSeconds * 1000).toISOString() } : undefined;
}

/**
 * After a decision settles a conversation (approved, rejected, the agent's reply queued), the
 * agent moves on to the next one in the queue they came from; what happened goes with them and
 * is shown there (DecisionFlash). `nextHref` must be the next conversation as it stood when they
 * decided (see useDecidedFrom): the refresh that brings the outcome has already taken this
 * conversation out of the queue, and its neighbours with it. Returns true when there was
 * nowhere to go.
 */
export function useMoveOn(done: Flash | null, nextHref: string | null): boolean {
  const router = useRouter();
  const moved = useRef(false);
  const [last, setLast] = useState(false);
  useEffect(() => {
    if (!done || moved.current) return;
    moved.current = true;
    if (!nextHref) {
      setLast(true);
      return;
    }
    try {
      sessionStorage.setItem(FLASH_KEY, JSON.stringify({ ...done, toPath: new URL(nextHref, window.location.href).pathname }));
    } catch {
      // Storage refused (private mode, quota): moving on matters more than the note.
    }
    router.push(nextHref);
  }, [done, nextHref, router]);
  return last;
}

/** The next conversation as it was when the agent acted: call `remember` as they send or decide. */
export function useDecidedFrom(nextHref: string | null): { from: string | null; remember: () => void } {
  const [from, setFrom] = useState<string | null>(null);
  return { from, remember: () => setFrom(nextHref) };
}

/** The note the previous page left for this one, read once. */
export function takeFlash(): Flash | null {
  try {
    const raw = sessionStorage.getItem(FLASH_KEY);
    sessionStorage.removeItem(FLASH_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Flash>) : null;
    if (!parsed || typeof parsed.message !== 'string' || typeof parsed.fromHref !== 'string' || parsed.toPath !== window.location.pathname) return null;
    const undo = parsed.undo && typeof parsed.undo.conversationId === 'string' && Date.parse(parsed.undo.until) > Date.now() ? parsed.undo : undefined;
    return { message: parsed.message, fromHref: parsed.fromHref, subject: String(parsed.subject ?? ''), ...(undo ? { undo } : {}) };
  } catch {
    return null;
  }
}
