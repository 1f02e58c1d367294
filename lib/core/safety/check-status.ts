import type { ModelCheckFacts } from './grounding';

/**
 * A model check's verdict as it travels through the workflow: the status, never the reasons
 * (they may quote the draft or the email; they are stored with the draft's shadow record and
 * the send decision reads them there). A "no" still reads as one if it is ever used as it is.
 */
export function checkStatusOnly<T extends ModelCheckFacts>(facts: T): ModelCheckFacts {
  switch (facts.status) {
    case 'passed':
    case 'skipped':
      return facts;
    case 'failed':
      return { status: 'failed', reasons: [`${facts.reasons.length} reason(s), stored with the draft`] };
    case 'error':
      return { status: 'error', reason: 'the reason is stored with the draft' };
  }
}
