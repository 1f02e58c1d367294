import type { Activities } from '../../activities';
import type { Outcome } from './flow';

/** A routed draft: auto-send after `hold` (which may still end in review), or review now. */
export interface Routed {
  route: 'auto_send' | 'review';
  reasons: string[];
  hold: () => Promise<Outcome>;
}

type ClassifyMessageResult = Awaited<ReturnType<Activities['classifyMessage']>>;
type DraftReplyResult = Awaited<ReturnType<Activities['draftReply']>>;

export interface Drafted {
  classification: ClassifyMessageResult;
  screeningFlags: string[];
  draft: DraftReplyResult;
}
