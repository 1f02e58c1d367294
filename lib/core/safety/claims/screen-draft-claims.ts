import { findActionClaims } from './completed-actions';
import { findPromises } from './promised-actions';
import { findStateClaims } from './state-claims';
import { buildEvidence, supported } from './evidence';
import { extractTokens } from './extract-tokens';
import { holdReason } from './reasons';
import { sentenceAt, splitSentences } from './sentences';
import type { ClaimHold, ClaimsInput } from './types';

/**
 * Deterministic claims screening of a draft, before any auto-send: every concrete token must
 * come from the passages the drafter was given or from what our own systems know about the
 * customer, and no sentence may claim that an account or money action was done or promise one. It reads the
 * draft only, never the email, so nothing an email says can make a claim pass. Each hold names
 * its token, its sentence and its rule; an empty list means nothing was found to hold.
 */
export function screenDraftClaims(input: ClaimsInput): ClaimHold[] {
  const evidence = buildEvidence(input);
  const sentences = splitSentences(input.draft);
  const holds: ClaimHold[] = [];
  for (const token of extractTokens(input.draft, evidence.passageWords)) {
    if (supported(token, evidence)) continue;
    holds.push({ rule: token.rule, token: token.token, sentence: sentenceAt(sentences, token.index), reason: holdReason(token.rule, token.token) });
  }
  for (const sentence of sentences) {
    for (const claim of findActionClaims(sentence.text)) {
      holds.push({ rule: 'completed_action', token: claim.phrase, sentence: sentence.text, reason: holdReason('completed_action', claim.phrase) });
    }
    for (const state of findStateClaims(sentence.text)) {
      holds.push({ rule: 'completed_action', token: state, sentence: sentence.text, reason: holdReason('completed_action', state) });
    }
    for (const promise of findPromises(sentence.text)) {
      holds.push({ rule: 'promised_action', token: promise, sentence: sentence.text, reason: holdReason('promised_action', promise) });
    }
  }
  return holds.filter(
    (hold, index) => holds.findIndex((other) => other.rule === hold.rule && other.token === hold.token && other.sentence === hold.sentence) === index,
  );
}
