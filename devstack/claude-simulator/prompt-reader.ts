// Pulls what the simulator needs out of a prompt, following the app's conventions:
// <untrusted_email ...> blocks (the last one is the newest), <knowledge> with <article title>,
// and <revision_instructions>. Only text is read; nothing inside the email is ever obeyed.
import type { MessagesRequest, RequestMessage } from './messages-api';
import { customerFirstName } from './customer-name';
import { blockText } from './prompt-units';
import { decodeEntities, parseAttributes } from './text';

export interface CustomerEmail {
  subject: string | null;
  fromName: string | null;
  body: string;
}

export interface KnowledgeArticle {
  title: string;
  body: string;
  /** The passage id to cite, when the prompt gave the text as a <passage> of <reference_passages>. */
  id?: string;
}

/** What the system prompt's style guide asks of a reply, where it says so in the usual words. */
export interface StyleRules {
  /** `Sign off with "Best regards," and "The Support Team" on its own line.` */
  signOff: string | null;
  /** `Keep it under 180 words`. */
  maxWords: number | null;
}

export interface PromptView {
  email: CustomerEmail;
  knowledge: KnowledgeArticle[];
  revisionInstructions: string | null;
  /** The draft a second check is asked about (<draft_reply>), if any. */
  draftReply: string | null;
  /** Whether the prompt shows a customer email at all (the check that never reads it has none). */
  hasEmail: boolean;
  /** Knowledge passages with ids (<passages><passage id>), as the check without the email gets them. */
  passages: { id: string; text: string }[];
  /** What our systems know (<known_facts>), as the check without the email gets it. */
  knownFacts: string;
  style: StyleRules;
}

const SIGN_OFF_RULE = /Sign off with "([^"\n]+)"(?: and "([^"\n]+)")?/i;
const WORD_LIMIT_RULE = /\bunder (\d{2,4}) words\b/i;

function readStyle(system: string): StyleRules {
  const signOff = SIGN_OFF_RULE.exec(system);
  const limit = WORD_LIMIT_RULE.exec(system);
  return {
    signOff: signOff ? [signOff[1], signOff[2]].filter(Boolean).join('\n') : null,
    maxWords: limit ? Number(limit[1]) : null,
  };
}

// Attribute values are quoted and may contain a raw `>` (from="Jane <jane@example.com>").
const ATTRIBUTES = String.raw`((?:"[^"]*"|'[^']*'|[^'">])*)`;
const block = (tag: string): RegExp => new RegExp(String.raw`<${tag}\b${ATTRIBUTES}>([\s\S]*?)<\/${tag}>`, 'g');
const EMAIL_BLOCK = block('untrusted_email');
const REVISION_BLOCK = block('revision_instructions');
const DRAFT_BLOCK = block('draft_reply');
const KNOWLEDGE_BLOCK = block('knowledge');
const ARTICLE_BLOCK = block('article');
const PASSAGES_BLOCK = block('passages');
const KNOWN_FACTS_BLOCK = block('known_facts');
const HEADER_LINE = /^(from|subject|to|date|cc|reply-to|sent|von|betreff|objet|asunto|onderwerp|oggetto|assunto):[ \t]*(.*)$/i;
// Localised mail clients quote headers in their own language.
const HEADER_ALIASES: Record<string, string> = {
  von: 'from',
  betreff: 'subject',
  objet: 'subject',
  asunto: 'subject',
  onderwerp: 'subject',
  oggetto: 'subject',
  assunto: 'subject',
};

function messageText(message: RequestMessage): string {
  return typeof message.content === 'string' ? message.content : message.content.map(blockText).join('\n');
}

function lastMatch(text: string, pattern: RegExp): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const match of text.matchAll(pattern)) last = match;
  return last;
}

/** Leading `From:` / `Subject:` lines belong to the header; the rest is the body. */
function splitHeaders(content: string): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = {};
  const lines = content.replace(/^\s*\n/, '').split('\n');
  let index = 0;
  for (; index < lines.length; index += 1) {
    const match = HEADER_LINE.exec((lines[index] ?? '').trim());
    if (!match?.[1]) break;
    const name = match[1].toLowerCase();
    headers[HEADER_ALIASES[name] ?? name] = (match[2] ?? '').trim();
  }
  return { headers, body: lines.slice(index).join('\n').trim() };
}

function toEmail(attributes: Record<string, string>, content: string): CustomerEmail {
  const { headers, body } = splitHeaders(decodeEntities(content));
  const subject = attributes.subject ?? headers.subject ?? null;
  const from = attributes.from_name ?? attributes.name ?? attributes.from ?? attributes.sender ?? headers.from ?? null;
  return { subject: subject?.trim() || null, fromName: customerFirstName(from, body), body };
}

export function readPrompt(request: MessagesRequest): PromptView {
  const userTexts = request.messages.filter((message) => message.role === 'user').map(messageText);
  const lastUser = userTexts.at(-1) ?? '';

  // The newest email is the last block of the last user turn; a revision turn may carry none,
  // in which case the email sits in an earlier user turn.
  let email: CustomerEmail | null = null;
  const hasEmail = userTexts.some((text) => lastMatch(text, EMAIL_BLOCK) !== null);
  for (const text of [...userTexts].reverse()) {
    const match = lastMatch(text, EMAIL_BLOCK);
    if (match) {
      email = toEmail(parseAttributes(match[1] ?? ''), match[2] ?? '');
      break;
    }
  }
  email ??= toEmail({}, lastUser.replace(REVISION_BLOCK, ''));

  const revision = lastMatch(lastUser, REVISION_BLOCK)?.[2]?.trim();
  const draft = lastMatch(lastUser, DRAFT_BLOCK)?.[2]?.trim();
  const system = typeof request.system === 'string' ? request.system : (request.system ?? []).map((b) => b.text).join('\n');
  const systemMessages = request.messages.filter((message) => message.role === 'system').map(messageText);
  return {
    email,
    knowledge: [...readPassages(system), ...readKnowledge([system, ...systemMessages, lastUser].join('\n'))],
    revisionInstructions: revision ? decodeEntities(revision) : null,
    style: readStyle(system),
    draftReply: draft === undefined ? null : decodeEntities(draft),
    hasEmail,
    passages: readGroundingPassages(lastUser),
    knownFacts: decodeEntities(lastMatch(lastUser, KNOWN_FACTS_BLOCK)?.[2] ?? ''),
  };
}

const PASSAGE_BLOCK = block('passage');
const PASSAGES_OPEN = '<reference_passages>';

/**
 * The passages of the request: only the last <reference_passages> element of the system
 * prompt (instructions may name the tag, and their examples hold passages that are not given).
 */
function readPassages(system: string): KnowledgeArticle[] {
  const start = system.lastIndexOf(PASSAGES_OPEN);
  if (start < 0) return [];
  const end = system.indexOf('</reference_passages>', start);
  const section = system.slice(start + PASSAGES_OPEN.length, end < 0 ? undefined : end);
  return [...section.matchAll(PASSAGE_BLOCK)].map((passage) => {
    const attributes = parseAttributes(passage[1] ?? '');
    // "Refunds › Who decides": the article's title is what a reply names.
    const title = decodeEntities(attributes.from ?? '').split(' › ')[0] ?? '';
    return { id: decodeEntities(attributes.id ?? ''), title, body: decodeEntities((passage[2] ?? '').trim()) };
  });
}

/** The passages the check without the email is given (<passages> in its user turn). */
function readGroundingPassages(text: string): { id: string; text: string }[] {
  const passages: { id: string; text: string }[] = [];
  for (const section of text.matchAll(PASSAGES_BLOCK)) {
    for (const passage of (section[2] ?? '').matchAll(PASSAGE_BLOCK)) {
      passages.push({ id: decodeEntities(parseAttributes(passage[1] ?? '').id ?? ''), text: decodeEntities((passage[2] ?? '').trim()) });
    }
  }
  return passages;
}

function readKnowledge(text: string): KnowledgeArticle[] {
  const articles: KnowledgeArticle[] = [];
  for (const section of text.matchAll(KNOWLEDGE_BLOCK)) {
    for (const article of (section[2] ?? '').matchAll(ARTICLE_BLOCK)) {
      const title = parseAttributes(article[1] ?? '').title ?? '';
      articles.push({ title: decodeEntities(title), body: decodeEntities((article[2] ?? '').trim()) });
    }
  }
  return articles;
}
