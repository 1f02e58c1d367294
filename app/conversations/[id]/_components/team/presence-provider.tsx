'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { HEARTBEAT_MS, type PresenceState, type PresentPerson } from '@/lib/core/team/presence';
import { useNow } from '@/components/use-now';

interface PresenceContextValue {
  /** Colleagues on this conversation now (never the signed-in person), writers first. */
  others: PresentPerson[];
  /** Names of colleagues writing a reply now. */
  othersWriting: string[];
  /** Say that this tab is (or stopped) writing a reply; several writers in one tab count once. */
  setWriting: (writer: string, writing: boolean) => void;
}

const PresenceContext = createContext<PresenceContextValue>({ others: [], othersWriting: [], setWriting: () => undefined });

export function usePresence(): PresenceContextValue {
  return useContext(PresenceContext);
}

/**
 * This tab's presence on a conversation, and everyone else's. A heartbeat every HEARTBEAT_MS
 * (at once when the tab starts or stops writing) keeps this tab counted; a beacon says goodbye
 * when the page goes away. Others' presence comes from the server render, refreshed live
 * whenever someone joins, leaves or starts writing; an entry whose heartbeat stopped is dropped
 * here on its own expiry even before the server sweeps it.
 */
export function PresenceProvider({ conversationId, others, serverNow, children }: { conversationId: string; others: PresentPerson[]; serverNow: string; children: ReactNode }) {
  const [writers, setWriters] = useState<ReadonlySet<string>>(new Set());
  const state: PresenceState = writers.size > 0 ? 'writing' : 'viewing';
  const tabId = useRef<string | null>(null);
  const now = useNow(serverNow, 5_000);

  const beat = useCallback(
    (beatState: PresenceState | 'gone') => {
      tabId.current ??= crypto.randomUUID();
      const url = `/api/conversations/${encodeURIComponent(conversationId)}/presence`;
      const body = JSON.stringify({ tabId: tabId.current, state: beatState });
      if (beatState === 'gone' && typeof navigator.sendBeacon === 'function') {
        navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }));
        return;
      }
      void fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json' }, keepalive: true }).catch(() => undefined);
    },
    [conversationId],
  );

  // The tab's lifetime on this conversation: a goodbye when it closes or navigates away.
  useEffect(() => {
    const onHide = () => beat('gone');
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      beat('gone');
    };
  }, [beat]);

  // The heartbeat: at once on every change between viewing and writing, then steadily.
  useEffect(() => {
    beat(state);
    const timer = setInterval(() => beat(state), HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [beat, state]);

  const setWriting = useCallback((writer: string, writing: boolean) => {
    setWriters((current) => {
      if (current.has(writer) === writing) return current;
      const next = new Set(current);
      if (writing) next.add(writer);
      else next.delete(writer);
      return next;
    });
  }, []);

  const value = useMemo(() => {
    const live = others.filter((person) => Date.parse(person.expiresAt) > now);
    return { others: live, othersWriting: live.filter((person) => person.state === 'writing').map((person) => person.name), setWriting };
  }, [others, now, setWriting]);
  return <PresenceContext.Provider value={value}>{children}</PresenceContext.Provider>;
}

/** Reports this tab as writing while `writing` is true (a composer open, an edit under way). */
export function useWritingPresence(writer: string, writing: boolean): void {
  const { setWriting } = usePresence();
  useEffect(() => {
    setWriting(writer, writing);
    return () => setWriting(writer, false);
  }, [writer, writing, setWriting]);
}
