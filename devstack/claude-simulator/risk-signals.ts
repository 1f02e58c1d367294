// What makes an email risky to answer automatically, and how it sounds. Weights are additive on
// a 0-100 scale; the reasons end up verbatim in `risk_reasons` for reviewers to read.
import { anyOf, countMatches } from './text';

const LEGAL = 'Legal threat';
const THREAT = 'Threatens to escalate publicly';

interface RiskSignal {
  pattern: RegExp;
  weight: number;
  reason: string;
}

const RISK_SIGNALS: readonly RiskSignal[] = [
  { pattern: anyOf(['refund(?:s|ed)?', 'money back', 'erstattung', 'remboursement', 'reembolso']), weight: 20, reason: 'Refund request' },
  {
    pattern: anyOf(['charge ?backs?', 'dispute (?:the|this|a) (?:charge|payment)']),
    weight: 35,
    reason: 'Chargeback or payment dispute',
  },
  {
    pattern: anyOf(['lawyers?', 'attorneys?', 'solicitors?', 'legal action', 'legal steps', 'lawsuit', 'sue', 'suing', 'court', 'anwalt', 'avocat', 'abogado']),
    weight: 40,
    reason: LEGAL,
  },
  {
    pattern: anyOf([
      'gdpr', 'dsgvo', 'data (?:deletion|protection)', 'delete (?:all )?(?:of )?my (?:data|personal|information)',
      'right to be forgotten', 'personal data',
    ]),
    weight: 30,
    reason: 'Data protection request',
  },
  {
    pattern: anyOf(['cancel(?:l?ing|l?ed)? (?:my )?(?:account|subscription|membership|contract)', 'close my account', 'delete my account']),
    weight: 20,
    reason: 'Cancellation request',
  },
  {
    pattern: anyOf(['fraud\\w*', 'scam\\w*', 'stolen', 'unauthori[sz]ed', 'hacked', 'identity theft']),
    weight: 35,
    reason: 'Possible fraud or account compromise',
  },
  {
    pattern: anyOf(['bank (?:account|details)', 'iban', 'payment details', 'card (?:number|details)', 'sort code', 'routing number']),
    weight: 25,
    reason: 'Mentions payment or bank details',
  },
  {
    pattern: anyOf([
      'report you', 'going to the (?:press|media)', 'social media', '(?:bad|negative|1-star|one-star) review', 'regulator',
      'consumer protection', 'ombudsman', 'better business bureau', 'or else', 'you will regret', 'trading standards',
    ]),
    weight: 25,
    reason: THREAT,
  },
];

const ANGRY = anyOf(
  [
    'unacceptable', 'furious', 'outrageous', 'ridiculous', 'disgusting', 'terrible', 'horrible', 'worst', 'pathetic',
    'incompetent', 'useless', 'angry', 'livid', 'fed up', 'sick of', 'disgrace\\w*',
  ],
  'gi',
);
const NEGATIVE = anyOf(
  [
    'problem', 'issue', 'disappointed', 'frustrat\\w*', 'unfortunately', 'not working', "doesn'?t work", 'broken', 'wrong',
    'bad', 'annoy\\w*', 'upset', 'unhappy', "still (?:not|haven'?t|waiting)", 'never (?:arrived|received)', 'complain\\w*',
    'refund', 'fraud\\w*', 'crash\\w*',
  ],
  'gi',
);
const POSITIVE = anyOf(
  ['love', 'great', 'awesome', 'excellent', 'appreciate\\w*', 'amazing', 'wonderful', 'happy', 'fantastic', 'brilliant', 'perfect'],
  'gi',
);
const ACRONYMS = new Set(
  ['GDPR', 'DSGVO', 'API', 'URL', 'PDF', 'FAQ', 'USA', 'VAT', 'IBAN', 'ASAP', 'CEO', 'SMS', 'MFA', 'SSO', 'EUR', 'USD', 'GBP'],
);

export function isShouting(text: string): boolean {
  const capsWords = (text.match(/\b\p{Lu}{3,}\b/gu) ?? []).filter((word) => !ACRONYMS.has(word));
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = letters.filter((letter) => /\p{Lu}/u.test(letter)).length;
  return capsWords.length >= 3 || (letters.length >= 20 && upper / letters.length > 0.6);
}

export interface RiskAssessment {
  score: number;
  reasons: string[];
  angerWords: number;
  negativeWords: number;
  positiveWords: number;
  shouting: boolean;
  threat: boolean;
}

export function assessRisk(text: string): RiskAssessment {
  const matched = RISK_SIGNALS.filter((signal) => signal.pattern.test(text));
  const angerWords = countMatches(text, ANGRY);
  const shouting = isShouting(text);
  let score = 5 + matched.reduce((sum, signal) => sum + signal.weight, 0) + Math.min(30, angerWords * 10);
  const reasons = matched.map((signal) => signal.reason);
  if (angerWords > 0) reasons.push('Angry language');
  if (shouting) {
    score += 15;
    reasons.push('Shouting (all caps)');
  }
  return {
    score: Math.min(100, score),
    reasons,
    angerWords,
    negativeWords: countMatches(text, NEGATIVE),
    positiveWords: countMatches(text, POSITIVE),
    shouting,
    threat: matched.some((signal) => signal.reason === THREAT || signal.reason === LEGAL),
  };
}
