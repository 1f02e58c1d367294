// Deterministic "classification" of one customer email: topic scores, language, risk, sentiment,
// priority, prompt-injection verdict, confidence and a one-sentence summary. Same text, same answer.
import { CANONICAL_CATEGORIES, categoryScores, type CanonicalCategory } from './category-keywords';
import { detectInjection } from './injection';
import { detectLanguage } from './language';
import type { CustomerEmail } from './prompt-reader';
import { assessRisk } from './risk-signals';
import { firstSentence } from './text';

export type Sentiment = 'positive' | 'neutral' | 'negative' | 'angry';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export interface EmailAnalysis {
  /** Canonical topics ordered by keyword hits, best first; empty when nothing matched. */
  topics: CanonicalCategory[];
  categoryScores: Record<CanonicalCategory, number>;
  language: string;
  riskScore: number;
  riskReasons: string[];
  sentiment: Sentiment;
  priority: Priority;
  injectionSuspected: boolean;
  injectionReasons: string[];
  confidence: number;
  requiresHuman: boolean;
  summary: string;
}

const URGENT = /\b(?:urgent|urgently|asap|immediately|emergency|right now|critical|(?:production|site|system) (?:is )?down|outage)\b/i;
const QUESTION = /\?|^(?:how|where|what|when|why|can|could|is|are|do|does|would|will)\b/im;
const INJECTION_RISK = 95;

export function emailText(email: CustomerEmail): string {
  return [email.subject ?? '', email.body].join('\n').trim();
}

function topicsOf(scores: Record<CanonicalCategory, number>): CanonicalCategory[] {
  return CANONICAL_CATEGORIES.filter((category) => scores[category] > 0).sort((a, b) => scores[b] - scores[a]);
}

// A model summarises in English whatever the language of the mail (see the classification
// examples); the simulator names the topic it found in English words.
const TOPIC_IN_ENGLISH: Record<CanonicalCategory, string> = {
  account: 'account access, sign-in, password reset, two-factor security and personal data',
  billing: 'billing, invoices, charges, refunds and plans',
  technical: 'a technical problem, errors, outage and service status',
  orders: 'an order, shipping, delivery, tracking and parcels',
  feedback: 'product feedback and feature ideas',
};

function summarize(email: CustomerEmail, text: string, topic: CanonicalCategory | undefined, injection: boolean): string {
  const subject = email.subject?.replace(/^(?:(?:re|fwd?|aw|wg):\s*)+/i, '');
  const about = `"${subject || firstSentence(email.body, 80)}"`;
  const verb = /\brefund|money back\b/i.test(text)
    ? 'requests a refund regarding'
    : topic === 'feedback'
      ? 'shares feedback on'
      : QUESTION.test(text)
        ? 'asks about'
        : 'writes about';
  const tail = injection ? ' and includes instruction-like text aimed at the assistant' : '';
  return `Customer ${verb} ${about}${topic ? ` (${topic}: ${TOPIC_IN_ENGLISH[topic]})` : ''}${tail}.`;
}

export function analyzeEmail(email: CustomerEmail): EmailAnalysis {
  const text = emailText(email);
  const scores = categoryScores(text);
  const topics = topicsOf(scores);
  const risk = assessRisk(text);
  const injection = detectInjection(text);

  const riskScore = injection.suspected ? Math.max(risk.score, INJECTION_RISK) : risk.score;
  const riskReasons = injection.suspected ? ['Possible prompt injection', ...risk.reasons] : risk.reasons;

  const sentiment: Sentiment =
    risk.angerWords >= 2 || risk.shouting || (risk.angerWords >= 1 && risk.threat)
      ? 'angry'
      : risk.angerWords >= 1 || risk.negativeWords > 0
        ? 'negative'
        : risk.positiveWords > 0
          ? 'positive'
          : 'neutral';

  const priority: Priority =
    (riskScore >= 80 && !injection.suspected) || URGENT.test(text)
      ? 'urgent'
      : riskScore >= 50 || sentiment === 'angry'
        ? 'high'
        : topics[0] === 'feedback' && riskScore < 30
          ? 'low'
          : 'normal';

  // Confident only when a topic keyword matched; a tie between topics or a risky message lowers it.
  const [first, second] = topics;
  const tie = first !== undefined && second !== undefined && scores[first] === scores[second];
  const rawConfidence = first === undefined ? 0.45 : 0.92 - (tie ? 0.15 : 0) - (riskScore >= 50 ? 0.07 : 0);
  const confidence = Math.round(rawConfidence * 100) / 100;

  return {
    topics,
    categoryScores: scores,
    language: detectLanguage(text),
    riskScore,
    riskReasons,
    sentiment,
    priority,
    injectionSuspected: injection.suspected,
    injectionReasons: injection.reasons,
    confidence,
    requiresHuman: injection.suspected || riskScore >= 50 || confidence < 0.6,
    summary: summarize(email, text, first, injection.suspected),
  };
}

/**
 * What a fooled classifier answers (fault switch `fooled.classifier`): the topic it read, but
 * low risk, confident, no injection and no need for a person, whatever the email says. The
 * safety layers after it must hold on their own.
 */
export function fooledAnalysis(honest: EmailAnalysis): EmailAnalysis {
  return {
    ...honest,
    riskScore: 5,
    riskReasons: [],
    sentiment: 'neutral',
    priority: 'normal',
    injectionSuspected: false,
    injectionReasons: [],
    confidence: 0.95,
    requiresHuman: false,
    summary: honest.summary.replace(' and includes instruction-like text aimed at the assistant', ''),
  };
}
