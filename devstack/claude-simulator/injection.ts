// Recognises text in a customer email that addresses the AI instead of the support team.
// The simulator only *flags* it, it never acts on it: that is what the app's guardrails rely on.
import { anyOf } from './text';

const IGNORE = '(?:ignore|forget|override|bypass)';
const PRIOR = '(?:all |any |the |your |my )?(?:previous|prior|above|earlier|preceding|former|existing|original)?\\s*';
const RULES = '(?:instructions?|rules|guidelines|prompts?|directives|polic(?:y|ies)|constraints)';

const IGNORE_REASON = 'Asks the assistant to ignore its instructions';

const SIGNALS: ReadonlyArray<[pattern: RegExp, reason: string]> = [
  [new RegExp(`\\b${IGNORE} ${PRIOR}${RULES}`, 'i'), IGNORE_REASON],
  [anyOf(['ignore (?:all|everything) (?:prior|previous|above|before)']), IGNORE_REASON],
  [
    anyOf([
      'ignorier\\w* (?:alle )?(?:vorherigen|bisherigen|obigen) anweisungen',
      'ignore[rz]? (?:toutes )?les instructions',
      'ignora (?:todas )?las instrucciones',
    ]),
    IGNORE_REASON,
  ],
  [new RegExp(`\\bdisregard ${PRIOR}${RULES}`, 'i'), 'Asks the assistant to disregard its instructions'],
  [anyOf(['system prompt', 'initial instructions', 'hidden instructions']), 'Refers to the system prompt'],
  [
    anyOf(['you are now (?:a|an|in|the|my)?\\s*(?:\\w+\\s)?(?:assistant|ai|bot|model|mode|agent|admin|dan|unrestricted|free)']),
    'Tries to give the assistant a new role',
  ],
  [
    anyOf(['(?:developer|debug|god|jailbreak|dan) mode', 'jailbreak', 'pretend (?:to be|you are)', 'act as (?:an? )?(?:admin|system|developer|ai)']),
    'Tries to switch the assistant into a special mode',
  ],
  [
    anyOf([
      'send me (?:the |all |your |every )?(?:\\w+ ){0,3}(?:passwords?|credentials|api keys?|keys|tokens?|secrets?|prompt|customers?|' +
        'customer data|user data|database|emails|addresses|admin)',
    ]),
    'Requests secrets or other customers\u2019 data',
  ],
  [anyOf(['forward (?:all|every|each)', 'export (?:all|every) (?:customers?|users?|emails?|records?)']), 'Asks to forward or export data in bulk'],
  [
    anyOf(['reveal (?:your |the |all |any )?(?:\\w+ ){0,2}(?:prompt|instructions?|passwords?|secrets?|keys?|configuration|data|rules)']),
    'Asks the assistant to reveal internal information',
  ],
  [
    /\bnew instructions?\b|\b(?:begin|end) (?:system|instructions?)\b|\[\/?(?:system|inst)\]|<\|im_start\|>|^#{1,3}\s*(?:system|instruction)/im,
    'Contains instruction-like markup',
  ],
  [/^\s*(?:system|assistant)\s*:/im, 'Impersonates a conversation role'],
  [/<!--[\s\S]*?-->|[\u200B-\u200F\u2060\uFEFF]/, 'Contains hidden text'],
];

export interface InjectionVerdict {
  suspected: boolean;
  reasons: string[];
}

export function detectInjection(text: string): InjectionVerdict {
  const reasons = [...new Set(SIGNALS.filter(([pattern]) => pattern.test(text)).map(([, reason]) => reason))];
  return { suspected: reasons.length > 0, reasons };
}
