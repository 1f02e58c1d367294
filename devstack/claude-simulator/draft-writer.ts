// Writes a deterministic, plausible support reply: greeting with the customer's first name, an
// acknowledgement of their subject, a helpful paragraph (from the knowledge base when given),
// any reviewer-requested sentences, and the fixed sign-off.
import type { CanonicalCategory } from './category-keywords';
import { analyzeEmail, emailText } from './heuristics';
import { mostRelevantArticle, mostRelevantSentence } from './knowledge';
import type { PromptView } from './prompt-reader';
import { planRevision, type RevisionPlan } from './revision';

export const SIGN_OFF = 'Best regards,\nThe Support Team';

const ACKNOWLEDGE: Record<CanonicalCategory | 'other', string> = {
  account: "I understand how frustrating it is when you can't get into your account.",
  billing: 'I understand that questions about charges and invoices need a clear answer.',
  technical: "I'm sorry you've run into this problem.",
  orders: "I understand you're waiting on your order.",
  feedback: 'We really appreciate you taking the time to share this with us.',
  other: '',
};

const NEXT_STEP: Record<CanonicalCategory | 'other', string> = {
  account:
    'You can reset your password at any time with the "Forgot password?" link on the sign-in page; the reset email ' +
    "usually arrives within a few minutes. If it doesn't, please check your spam folder or reply here and we'll help.",
  billing:
    "You'll find all invoices and payment details under Settings > Billing in your account. If anything there " +
    "doesn't look right, reply with the invoice number and we'll check it for you.",
  technical:
    "Could you tell us which device, browser or app version you're using, and the steps that lead to the error? " +
    'A screenshot helps too, so we can reproduce it quickly.',
  orders: "Could you send us your order number? With it we can check the shipment status and tracking details for you.",
  feedback: "I've passed your suggestion on to our product team, who review customer feedback regularly.",
  other: 'Could you share a few more details so we can help you as quickly as possible?',
};

const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bI'm\b/g, 'I am'], [/\byou're\b/g, 'you are'], [/\bYou'll\b/g, 'You will'], [/\bwe'll\b/g, 'we will'],
  [/\bI've\b/g, 'I have'], [/\byou've\b/g, 'you have'], [/\bdoesn't\b/g, 'does not'], [/\bcan't\b/g, 'cannot'],
];

function cleanSubject(subject: string | null): string | null {
  const cleaned = subject?.replace(/^(?:(?:re|fwd?|aw|wg):\s*)+/i, '').trim();
  return cleaned ? cleaned : null;
}

function compose(view: PromptView, plan: RevisionPlan): string {
  const analysis = analyzeEmail(view.email);
  const topic = analysis.topics[0] ?? 'other';
  const name = view.email.fromName;
  const subject = cleanSubject(view.email.subject);

  const upset = analysis.sentiment === 'negative' || analysis.sentiment === 'angry';
  const greeting = plan.formal
    ? `Dear ${name ?? 'Customer'},`
    : plan.friendly
      ? `Hi ${name ?? 'there'}!`
      : name
        ? `Hi ${name},`
        : 'Hello,';
  const opening = [
    subject ? `Thank you for reaching out about "${subject}".` : 'Thank you for getting in touch with us.',
    plan.shorter ? '' : ACKNOWLEDGE[topic],
    upset && !ACKNOWLEDGE[topic].includes('sorry') ? "I'm sorry for the trouble this has caused." : '',
    plan.friendly ? 'Thanks so much for your patience!' : '',
  ];
  const article = mostRelevantArticle(view.knowledge, emailText(view.email));
  // A passage it quotes is cited by the id the prompt gave it; nothing else is cited.
  const citation = article?.id ? ` [[cite:${article.id}]]` : '';
  const help = article
    ? `${mostRelevantSentence(article, emailText(view.email))}${citation} You can read more in our article "${article.title}".`
    : NEXT_STEP[topic];
  const closing = analysis.riskScore >= 50
    ? "I've shared your message with a senior member of our team, who will follow up with you personally."
    : "If there's anything else we can do, just reply to this email and we'll be happy to help.";

  const paragraphs = [opening.filter(Boolean).join(' '), help, plan.sentences.join(' '), plan.shorter ? '' : closing]
    .map((paragraph) => keepAllowed(paragraph, plan.avoidWords))
    .filter(Boolean);
  // A style guide that names its own sign-off is followed; without one, the team's default.
  let body = [greeting, ...paragraphs, view.style.signOff ?? SIGN_OFF].join('\n\n');
  if (plan.formal) for (const [pattern, expanded] of CONTRACTIONS) body = body.replace(pattern, expanded);
  return body;
}

/** Drops the sentences a reviewer asked to leave out. */
function keepAllowed(paragraph: string, avoidWords: readonly string[]): string {
  if (avoidWords.length === 0) return paragraph;
  const sentences = paragraph.match(/[^.!?]+[.!?]+(?:\s+|$)|[^.!?]+$/g) ?? [];
  return sentences.filter((sentence) => !avoidWords.some((word) => sentence.toLowerCase().includes(word))).join('').trim();
}

const NO_REVISION: RevisionPlan = { sentences: [], avoidWords: [], shorter: false, formal: false, friendly: false };

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export function writeDraft(view: PromptView): string {
  let draft = compose(view, NO_REVISION);
  // A word limit in the style guide is kept the way a model would: the short form of the reply.
  if (view.style.maxWords !== null && wordCount(draft) > view.style.maxWords) draft = compose(view, { ...NO_REVISION, shorter: true });
  if (!view.revisionInstructions) return draft;
  const revised = compose(view, planRevision(view.revisionInstructions));
  // A revision must visibly change the draft even when the instruction had no effect on it.
  return revised === draft
    ? revised.replace(view.style.signOff ?? SIGN_OFF, `Thank you again for your patience while we looked into this.\n\n${view.style.signOff ?? SIGN_OFF}`)
    : revised;
}
