import { GAP, MACHINE_READER, MACHINE_READER_JA, pattern, word } from './words';

/**
 * Text written to the machine that reads a mail rather than to the people who answer it, in
 * every supported language: a note, instruction or greeting addressed to an AI or assistant
 * ("Hinweis an die KI", "Nota para la IA", "À l'IA qui rédige", "Bericht voor de AI-assistent",
 * "Примечание для ИИ", "AIへの指示"), a bracketed role label ("[SISTEMA]", "【システム】"), or a
 * conditional aimed at it ("falls du eine KI bist"). The English forms live in screen-structure.
 */

// A note, message or instruction, and the preposition that addresses it.
const NOTE =
  'hinweis|anweisung\\p{L}*|nachricht|notiz|bitte|achtung|info|note|nota|nb|n\\.b\\.|obs\\.?|observação|mensagem|mensaje|messaggio|message|instruction\\p{L}*|instrucci\\p{L}+|istruzion\\p{L}+|instruç\\p{L}+|instructie\\p{L}*|bericht|let op|opmerking|примечание|инструкция|сообщение|указание|p\\.?s\\.?|ps';
const TO = 'an|für|fuer|à|a|pour|para|per|al|alla|all\'|ao|à|voor|aan|для|к|to|for';
const ARTICLE = "(?:die|den|das|dem|der|le|la|l'|les|el|il|lo|l’|o|a|os|de|het|the|this|que)\\s*";

const PATTERNS: readonly RegExp[] = [
  // "Hinweis an die KI", "Nota para la IA", "NB pour l'assistant", "Bericht voor de AI-assistent".
  pattern(`${word(NOTE)}\\s*[:\\-–]?\\s*${word(TO)}\\s+(?:${ARTICLE})?(?:${word(MACHINE_READER)})`),
  // "À l'IA qui rédige la réponse", "Al sistema de respuestas automáticas:", "An die KI, die diese Mail beantwortet".
  pattern(`(?:^|[\\n(\\[>*#-])\\s*${word(TO)}\\s+(?:${ARTICLE})?(?:${word(MACHINE_READER)})\\s*(?:[:,)\\]]|${word('qui|que|che|die|der|dat|die|который|которая|которое')})`),
  // A greeting to it: "Liebe KI", "Hola asistente", "Cara IA", "Beste AI", "Привет, бот".
  pattern(`${word('liebe|lieber|hallo|hi|hey|chère|cher|bonjour|salut|hola|querida|querido|estimad[oa]|cara|caro|ciao|gentile|olá|oi|prezad[oa]|beste|hoi|hallo|привет|здравствуй|уважаем\\p{L}*|дорог\\p{L}*')}\\s*,?\\s+(?:${ARTICLE})?(?:${word(MACHINE_READER)})\\s*[,:!]`),
  // It is told what it is or may do: "falls du eine KI bist", "si eres una IA", "если ты ИИ".
  pattern(
    `${word('falls|wenn|si|se|als|если')}\\s+${word('du|sie|tu|vous|eres|es|sei|é|você|je|jij|u|ты|вы')}\\s+${GAP(20)}(?:${word('eine?|un[ae]?|uma|um|een|an?|the')}\\s+(?:${word(MACHINE_READER)})|${word('ии|бот|нейросеть|модель')})`,
  ),
  // "LET OP AI:", "ACHTUNG KI:", "ВНИМАНИЕ ИИ:" at the start of a line.
  pattern(`(?:^|\\n)\\s*[\\[(>*#-]*\\s*${word('achtung|attention|atención|attenzione|atenção|let op|внимание|важно')}\\s*,?\\s*(?:${word(MACHINE_READER)})\\s*[:!,]`),
  // Bracketed or marked role labels in any language.
  pattern(
    `[\\[【<{(]\\s*\\/?\\s*(?:system|systeme|système|sistema|systeem|система|システム|instru\\p{L}*|anweisung|инструкция|指示|admin|assistant\\p{L}*|ki|ia|ии)\\s*[\\]】>})]|#{2,}\\s*(?:instru\\p{L}*|anweisung|инструкция|system\\p{L}*|sistema)`,
  ),
  // Japanese: "AIへの指示", "AIアシスタントへ：", "自動返信システムへ".
  new RegExp(`${MACHINE_READER_JA}(?:アシスタント)?(?:への|へ|に対する|宛て?の?)(?:指示|メモ|お願い|注意|連絡)?`, 'iu'),
];

/** True when the text addresses the machine that reads it, in a supported language other than English. */
export function addressesMachine(text: string): boolean {
  return PATTERNS.some((entry) => entry.test(text));
}
