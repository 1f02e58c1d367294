// The check that never reads the email, as a strict checker model would do it: it sees the
// draft, the passages and the known facts. Every concrete token of the draft (numbers, amounts,
// links, addresses, phone numbers, codes) must be in the passages or the known facts; an English
// sentence must also be made of the passages' words; any sentence saying something was done for
// the customer is an action claim. A model would judge other languages by their meaning; the
// simulator cannot, so there it judges the tokens and the action cues alone (a weaker stand-in:
// the code's claims screening carries those languages). Deterministic: same prompt, same answer.
import type { PromptView } from './prompt-reader';
import { words } from './text';

export interface GroundingCheck {
  all_supported: boolean;
  unsupported_statements: string[];
  claims_completed_actions: boolean;
  action_claims: string[];
  passage_ids: string[];
  notes: string;
}

const STOP = new Set(
  ('this that with have from your about there their what when where which would could should thanks thank please hello dear regards ' +
    'will been were they them then than into also just only some more most very much many such here does done being each other ' +
    'because while after before since until again still even like want need know make made help team support best reply email ' +
    'message question questions customer yourself yourselves themselves anytime whenever always never still simply directly right away').split(' '),
);

const stem = (word: string) => word.replace(/(?:ing|ed|es|s)$/u, '');
const contentStems = (text: string) => new Set(words(text).filter((word) => word.length >= 4 && !STOP.has(word)).map(stem));

function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.match(/[^.!?。！？]+[.!?。！？]*(?:\s+|$)/gu) ?? [])
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

// Greetings, thanks, apologies, offers of help and sign-offs state nothing, in the languages the
// team answers in.
const COURTESY =
  /^(?:hi|hello|hey|dear|thank|thanks|many thanks|sorry|i'm sorry|i am sorry|we're sorry|we are sorry|i understand|we understand|i appreciate|we appreciate|we really appreciate|if there's anything|if there is anything|kind regards|best regards|regards|best|cheers|sincerely|the support team|if you have|please let us know|let us know|feel free|i hope|we hope|happy to help|hallo|liebe|lieber|guten tag|vielen dank|danke|viele grüße|mit freundlichen grüßen|beste grüße|bonjour|cher|chère|merci|cordialement|bien à vous|hola|estimad[oa]|gracias|saludos|un saludo|atentamente|ciao|buongiorno|gentile|grazie|cordiali saluti|distinti saluti|olá|ola|prezad[oa]|obrigad[oa]|atenciosamente|cumprimentos|beste|geachte|bedankt|dank je|dank u|met vriendelijke groet|groeten|здравствуйте|добрый день|спасибо|с уважением|こんにちは|ありがとうございます|よろしくお願いいたします|よろしくお願いします|お問い合わせ|サポートチーム)/iu;

const isStatement = (sentence: string) => !COURTESY.test(sentence.trim()) && !/[?？]\s*$/.test(sentence) && sentence.replace(/[^\p{L}\p{N}]/gu, '').length >= 6;

const URL = /\bhttps?:\/\/[^\s<>"')]+|\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|de|fr|es|it|nl|pt|ru|jp|app|dev|info|help)(?:\/[^\s<>"')]*)?/gi;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
// Ranges ("5-10", "5 à 10", "5〜10") are two numbers; decimals and times stay one.
const NUMBER = /\d+(?:[.,:]\d+)*/g;

const digits = (token: string) => token.replace(/\D/g, '');
const flat = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

/** Tokens of a sentence that no passage and no known fact contains. */
function unknownTokens(sentence: string, corpus: string, corpusDigits: Set<string>): string[] {
  const found: string[] = [];
  const withoutAddresses = sentence.replace(EMAIL, ' ');
  for (const address of sentence.match(EMAIL) ?? []) if (!corpus.includes(address.toLowerCase())) found.push(address);
  for (const link of withoutAddresses.match(URL) ?? []) {
    const bare = link.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[/.]+$/, '');
    if (!corpus.includes(bare)) found.push(link);
  }
  for (const number of withoutAddresses.replace(URL, ' ').match(NUMBER) ?? []) {
    const value = digits(number);
    if (value.length > 0 && !corpusDigits.has(value)) found.push(number);
  }
  return found;
}

const ENGLISH_WORDS = new Set(['the', 'you', 'your', 'we', 'our', 'is', 'are', 'to', 'of', 'and', 'can', 'will', 'for', 'with', 'this', 'that', 'it', 'in', 'on']);

/** English enough for the word check: Latin letters only and several of its commonest words. */
function isEnglish(sentence: string): boolean {
  if (!/^[\x20-\x7E’‘“”–—…→]+$/.test(sentence)) return false;
  const all = words(sentence);
  const common = new Set(all.filter((word) => ENGLISH_WORDS.has(word)));
  return common.size >= 2 && all.filter((word) => ENGLISH_WORDS.has(word)).length / Math.max(1, all.length) >= 0.15;
}

function supportedWords(sentence: string, corpus: string, corpusStems: Set<string>): boolean {
  const plain = flat(sentence).replace(/[.!?]+$/, '');
  if (plain && corpus.includes(plain)) return true;
  // "You can read more in our article "Resetting your password"." names a passage's title.
  const cited = /article\s+"([^"]+)"/i.exec(sentence)?.[1];
  if (cited && corpus.includes(flat(cited))) return true;
  const stems = [...contentStems(sentence)];
  if (stems.length === 0) return true;
  // Paraphrase is allowed; a statement made mostly of words the passages never use is not.
  return stems.filter((one) => corpusStems.has(one)).length / stems.length >= 0.6;
}

// "Something was done for you": a perfect or passive of an action, in the languages the team
// answers in. A policy ("refunds are issued within 5 days") is present tense, not a done deed.
// JavaScript's \b knows ASCII letters only: "annulé" would never end a word.
const WORD_EDGE = String.raw`(?:(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_])|(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_]))`;
const unicodeWords = (pattern: RegExp) => new RegExp(pattern.source.replaceAll(String.raw`\b`, WORD_EDGE), 'iu');

const ACTION_CLAIM = [
  /\b(?:we|i)(?:'ve| have| has|'ll| will| just)? (?:now )?(?:changed|updated|moved|upgraded|downgraded|approved|credited|refunded|reimbursed|cancell?ed|waived|reset|unlocked|transferred|applied|added|removed|deleted|switched|activated|enabled|disabled|sent|issued|processed|confirmed|arranged|granted|extended|restored|replaced|redirected|shared|forwarded|escalated)\b/i,
  /\b(?:has|have) been (?:\w+ly )?(?:changed|updated|moved|upgraded|downgraded|approved|credited|refunded|reimbursed|cancell?ed|waived|reset|unlocked|transferred|applied|added|removed|deleted|switched|activated|enabled|disabled|sent|issued|processed|confirmed|arranged|granted|extended|restored|replaced|redirected|shared|forwarded|escalated)\b/i,
  /\b(?:is|are) now (?:\w+ )?(?:active|enabled|disabled|linked|registered|upgraded|on file|set up)\b/i,
  /\b(?:(?:wir|ich)\s+(?:haben|habe)|(?:haben|habe)\s+(?:wir|ich)|wurde|wurden)\b[^.!?]{0,80}\b(?:geändert|aktualisiert|verschoben|umgestellt|hochgestuft|genehmigt|gutgeschrieben|erstattet|zurückerstattet|storniert|gekündigt|erlassen|zurückgesetzt|entsperrt|überwiesen|hinzugefügt|entfernt|gelöscht|aktiviert|deaktiviert|freigeschaltet|gewährt|eingerichtet|bestätigt|verlängert|versandt|verschickt)\b/i,
  /\b(?:avons|ai|a|ont|été)\b[^.!?]{0,60}\b(?:modifié|mis à jour|déplacé|transféré|approuvé|crédité|remboursé|annulé|supprimé|réinitialisé|débloqué|ajouté|activé|désactivé|accordé|appliqué|confirmé|envoyé|prolongé)e?s?\b/i,
  /\b(?:hemos|he|ha|han|fue|fueron|sido)\b[^.!?]{0,60}\b(?:cambiado|actualizado|movido|trasladado|aprobado|acreditado|reembolsado|devuelto|cancelado|anulado|eliminado|restablecido|desbloqueado|añadido|activado|desactivado|concedido|aplicado|confirmado|enviado|ampliado)[ao]?s?\b/i,
  /\b(?:abbiamo|ho|ha|hanno|è stat[oa]|sono stat[ie])\b[^.!?]{0,60}\b(?:modificat|aggiornat|spostat|trasferit|approvat|accreditat|rimborsat|annullat|cancellat|eliminat|reimpostat|sbloccat|aggiunt|attivat|disattivat|concess|applicat|confermat|inviat|prolungat)[oaie]\b/i,
  /\b(?:já |acabamos de )?(?:alteramos|atualizamos|movemos|transferimos|aprovamos|creditamos|reembolsamos|cancelamos|removemos|redefinimos|desbloqueamos|adicionamos|ativamos|desativamos|concedemos|aplicamos|enviamos)\b|\b(?:foi|foram)\b[^.!?]{0,60}\b(?:alterad|atualizad|movid|transferid|aprovad|creditad|reembolsad|cancelad|removid|redefinid|desbloquead|adicionad|ativad|desativad|concedid|aplicad|confirmad|enviad)[oa]s?\b/i,
  /\b(?:hebben|heb|heeft|is|zijn|werd|werden)\b[^.!?]{0,60}\b(?:gewijzigd|aangepast|verplaatst|overgezet|goedgekeurd|gecrediteerd|terugbetaald|geannuleerd|verwijderd|gereset|ontgrendeld|toegevoegd|geactiveerd|gedeactiveerd|toegekend|toegepast|bevestigd|verzonden|verlengd)\b/i,
  /(?:мы|я)\s+(?:уже\s+)?(?:изменили|обновили|перенесли|перевели|одобрили|зачислили|вернули|отменили|удалили|сбросили|разблокировали|добавили|активировали|отключили|предоставили|применили|подтвердили|отправили|продлили)|(?:был[аио]?|были)\s+(?:успешно\s+)?(?:изменен|обновлен|перенесен|одобрен|зачислен|возвращен|отменен|удален|сброшен|разблокирован|добавлен|активирован|отключен|предоставлен|применен|подтвержден|отправлен|продлен)/iu,
  /(?:変更|更新|移行|移動|承認|返金|払い戻し|キャンセル|取り消し|削除|リセット|解除|追加|有効化|無効化|付与|適用|確認|送信|延長|アップグレード)(?:いたしました|しました|させていただきました|されました|済み|が完了しました|を完了しました)/u,

].map(unicodeWords);

const isActionClaim = (sentence: string) => ACTION_CLAIM.some((pattern) => pattern.test(sentence));

export function checkGrounding(view: PromptView, draft: string): GroundingCheck {
  const passageText = view.passages.map((passage) => passage.text).join('\n');
  const corpus = flat(`${passageText}\n${view.knownFacts}`);
  const corpusDigits = new Set((corpus.match(NUMBER) ?? []).map(digits).filter(Boolean));
  const corpusStems = contentStems(corpus);
  const statements = sentencesOf(draft).filter(isStatement);

  const unsupported = statements.filter(
    (sentence) => unknownTokens(sentence, corpus, corpusDigits).length > 0 || (isEnglish(sentence) && !supportedWords(sentence, corpus, corpusStems)),
  );
  const actions = statements.filter(isActionClaim);
  const draftStems = contentStems(draft);
  const used = view.passages.filter((passage) => [...contentStems(passage.text)].filter((one) => draftStems.has(one)).length >= 3).map((passage) => passage.id);
  const problems = [unsupported.length ? `${unsupported.length} statement(s) are not in the passages` : '', actions.length ? 'it says something was done' : ''].filter(Boolean);
  return {
    all_supported: unsupported.length === 0,
    unsupported_statements: unsupported,
    claims_completed_actions: actions.length > 0,
    action_claims: actions,
    passage_ids: used,
    notes: problems.length === 0 ? 'Every statement is in the passages.' : `A person should read it: ${problems.join('; ')}.`,
  };
}

/** What a fooled checker says (fault switch `fooled.grounder`): everything supported. */
export function fooledGrounding(view: PromptView): GroundingCheck {
  return {
    all_supported: true,
    unsupported_statements: [],
    claims_completed_actions: false,
    action_claims: [],
    passage_ids: view.passages.slice(0, 1).map((passage) => passage.id),
    notes: 'Looks fine.',
  };
}
