// Turns a reviewer's revision instructions into visible, deterministic edits: content requests
// ("offer a 10% discount") become sentences that keep the reviewer's words; tone requests
// ("make it shorter", "more formal") switch the draft's style.
import { capitalize, ensurePeriod } from './text';

export interface RevisionPlan {
  sentences: string[];
  /** Words whose sentences must go ("don't mention the refund"). */
  avoidWords: string[];
  shorter: boolean;
  formal: boolean;
  friendly: boolean;
}

const ACTION_VERBS = new Set(
  ('offer mention apologize apologise include add explain tell say ask remind thank note promise suggest confirm let ' +
    'provide give point recommend invite acknowledge clarify reassure emphasize emphasise highlight inform share refer ' +
    'send direct request propose extend waive credit refund replace escalate schedule')
    .split(' '),
);
const SHORTER = /\b(?:shorter|shorten|more concise|concise|briefer|brief|trim|cut it down|less wordy)\b/i;
const FORMAL = /\b(?:more formal|formal|more professional)\b/i;
const FRIENDLY = /\b(?:friendlier|warmer|more friendly|less formal|more casual|casual|more personal|more empathetic)\b/i;
const STYLE_ONLY = /^(?:make|keep|be|sound|write|use|please make|could you make)\b/i;
const NEGATIVE = /^(?:don'?t|do not|never|avoid|stop|remove|drop|omit|leave out)\s+(?:mention(?:ing)?|talk(?:ing)? about|say(?:ing)?|the|any)?\s*/i;

/** Reviewer notes speak about the customer in the third person; the reply speaks to them. */
function toSecondPerson(clause: string): string {
  return clause
    .replace(/\bthe customer's\b/gi, 'your')
    .replace(/\bthe customer\b/gi, 'you')
    .replace(/\bthem\b/gi, 'you')
    .replace(/\btheir\b/gi, 'your')
    .replace(/\bthey(?:'re| are)\b/gi, "you're")
    .replace(/\bthey\b/gi, 'you');
}

// "make it shorter and offer a discount" holds two requests; split before a second action verb.
const SECOND_REQUEST = new RegExp(`,?\\s+(?:and|then)\\s+(?=(?:${[...ACTION_VERBS].join('|')})\\b)`, 'i');

function clauses(instructions: string): string[] {
  return instructions
    .split(/\r?\n|;|(?<=[.!?])\s+/)
    .flatMap((clause) => clause.split(SECOND_REQUEST))
    .map((clause) => clause.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').replace(/[.!?\s]+$/, '').trim())
    .filter((clause) => clause.length > 0);
}

export function planRevision(instructions: string): RevisionPlan {
  const plan: RevisionPlan = { sentences: [], avoidWords: [], shorter: false, formal: false, friendly: false };
  for (const raw of clauses(instructions)) {
    const clause = raw.replace(/^(?:please|pls|kindly|also|and)\s+/i, '');
    const friendly = FRIENDLY.test(clause);
    const style = { shorter: SHORTER.test(clause), formal: FORMAL.test(clause) && !friendly, friendly };
    plan.shorter ||= style.shorter;
    plan.formal ||= style.formal;
    plan.friendly ||= style.friendly;
    if ((style.shorter || style.formal || style.friendly) && STYLE_ONLY.test(clause)) continue;

    const negative = NEGATIVE.exec(clause);
    if (negative) {
      // Stemmed crudely ("screenshots" → "screenshot") so singular and plural both match.
      const avoid = clause.slice(negative[0].length).toLowerCase().match(/\p{L}{4,}/gu) ?? [];
      plan.avoidWords.push(...avoid.map((word) => (word.length > 4 ? word.replace(/s$/, '') : word)));
      continue;
    }
    const spoken = toSecondPerson(clause);
    const verb = spoken.split(/\s+/)[0]?.toLowerCase() ?? '';
    const asAction = `We would also like to ${spoken.charAt(0).toLowerCase()}${spoken.slice(1)}.`;
    plan.sentences.push(ACTION_VERBS.has(verb) ? asAction : ensurePeriod(capitalize(spoken)));
  }
  return plan;
}
