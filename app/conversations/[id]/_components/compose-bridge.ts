'use client';

import { useEffect, useRef } from 'react';

const EVENT = 'countersign:compose';

/** Hands text to the reply box on this page (it opens, with the text to start from). */
export function offerToComposer(text: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: text }));
}

/** The reply box's side: called with text offered from elsewhere on the page. */
export function useComposerOffers(accept: (text: string) => void): void {
  const latest = useRef(accept);
  useEffect(() => {
    latest.current = accept;
  });
  useEffect(() => {
    const onOffer = (event: Event) => {
      if (event instanceof CustomEvent && typeof event.detail === 'string') latest.current(event.detail);
    };
    window.addEventListener(EVENT, onOffer);
    return () => window.removeEventListener(EVENT, onOffer);
  }, []);
}
