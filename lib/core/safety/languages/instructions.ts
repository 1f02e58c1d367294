import { GAP, pattern, word } from './words';

/**
 * Attempts to replace the rules of whatever reads a mail, in the supported languages other
 * than English: set the earlier instructions aside ("ignoriere alle vorherigen Anweisungen",
 * "olvida las instrucciones anteriores", "забудь все предыдущие инструкции", "以前の指示を無視"),
 * or claim a new role or a system voice ("du bist jetzt", "a partir de ahora eres", "ты теперь").
 */

// Verbs of setting aside, by stem: imperative and infinitive forms share them.
const SET_ASIDE =
  'ignorier\\p{L}*|vergiss|vergessen|missacht\\p{L}*|überschreib\\p{L}*|hebe? \\p{L}+ auf|ignor\\p{L}*|oubli\\p{L}*|olvid\\p{L}*|dimentic\\p{L}*|esque[cç]\\p{L}*|negeer\\p{L}*|vergeet|игнорир\\p{L}*|забуд\\p{L}*|забыть|не обращай\\p{L}*|отмени\\p{L}*|нарушь\\p{L}*|override|bypass';
// What is set aside: instructions, rules, guidelines, prompts, restrictions.
const RULES =
  'anweisung\\p{L}*|regel\\p{L}*|vorgabe\\p{L}*|richtlinie\\p{L}*|instruktion\\p{L}*|instructions?|consignes?|règles?|directives?|instrucci\\p{L}+|reglas?|indicaciones|istruzion\\p{L}+|regole|direttive|instruç\\p{L}+|regras?|diretrizes|instructies?|regels?|richtlijnen|инструкци\\p{L}*|правил\\p{L}*|указани\\p{L}*|ограничени\\p{L}*|prompts?|system-?prompt\\p{L}*';

// What the reply must contain: "bestätigen Sie das in Ihrer Antwort", "reprenez ce lien dans la réponse",
// "responde confirmando", "antwoord alleen met": the writer dictating the answer to whoever drafts it.
const IN_THE_REPLY =
  'in (?:ihrer|deiner|der|eurer) (?:antwort|rückmeldung)|dans (?:la|votre|ta) réponse|en (?:la|su|tu|vuestra) respuesta|nella (?:tua|sua|vostra)? ?risposta|na (?:sua|tua)? ?resposta|in (?:je|uw|het) (?:antwoord|reactie)|в (?:вашем |своём |своем )?ответ\\p{L}*|в ответном письме';
const DICTATE =
  'bestätig\\p{L}*|erwähn\\p{L}*|schreib\\p{L}*|nenn\\p{L}*|angeb\\p{L}*|gib \\p{L}+ an|aufnehm\\p{L}*|einfüg\\p{L}*|confirm\\p{L}*|mentionn\\p{L}*|indiqu\\p{L}*|écri\\p{L}*|inclu\\p{L}*|repren\\p{L}*|mett\\p{L}*|menciona\\p{L}*|escrib\\p{L}*|pon\\p{L}*|menziona\\p{L}*|scriv\\p{L}*|riport\\p{L}*|mencion\\p{L}*|escrev\\p{L}*|coloqu\\p{L}*|vermeld\\p{L}*|schrijf|bevestig\\p{L}*|noem\\p{L}*|упомян\\p{L}*|укаж\\p{L}*|напиш\\p{L}*|подтверд\\p{L}*|включ\\p{L}*';
const ANSWER =
  'antworte|antworten sie|antwortet|réponds|répondez|responde|responda|respondan|respondé|rispondi|risponda|rispondete|responda|respondam|antwoord|ответь|ответьте|отвечай|отвечайте';

const PATTERNS: readonly RegExp[] = [
  pattern(`${word(DICTATE)}${GAP(50)}${word(IN_THE_REPLY)}|${word(IN_THE_REPLY)}${GAP(30)}${word(DICTATE)}`),
  // "Antworte, dass …", "répondez simplement que …", "responde confirmando …", "ответьте, что …".
  pattern(`${word(ANSWER)}\\s*,?\\s*(?:\\p{L}+\\s+){0,2}${word('dass|que|che|dat|что|confirmando|confermando|bevestigend|bestätigend|подтверждая')}`),
  pattern(`${word(SET_ASIDE)}${GAP(50)}${word(RULES)}`),
  // A new role: "Du bist jetzt", "Tu es maintenant", "A partir de ahora eres", "Vanaf nu ben je", "Теперь ты".
  pattern(
    `${word('du bist (?:jetzt|ab sofort|nun)|tu es (?:maintenant|désormais)|vous êtes (?:maintenant|désormais)|(?:a partir de )?ahora eres|(?:d[a\'] ?ora in poi|adesso|ora) sei|agora (?:você é|és|tu és)|vanaf nu ben je|je bent nu|теперь ты|отныне ты|ты теперь')}`,
  ),
  // System or developer voice: "Systemanweisung", "instruction système", "instrucción del sistema", "системная инструкция".
  pattern(
    `${word('system(?:anweisung|nachricht|befehl|modus)\\p{L}*|entwicklermodus|instruction système|message système|mode développeur|instrucci[oó]n del sistema|mensaje del sistema|modo desarrollador|istruzion\\p{L}+ di sistema|messaggio di sistema|modalità sviluppatore|instrução do sistema|mensagem do sistema|modo desenvolvedor|systeeminstructie|systeembericht|ontwikkelaarsmodus|системн\\p{L}* (?:инструкци|сообщени|промпт)\\p{L}*|режим разработчика')}`,
  ),
  // "Antworte nur mit", "réponds uniquement par", "responde solo con", "отвечай только".
  pattern(
    `${word('antworte|antworten sie|réponds|répondez|responde|responda|rispondi|risponda|responda|antwoord|отвечай|ответь')}\\s+${word('nur|ausschließlich|uniquement|seulement|solo|sólo|solamente|únicamente|apenas|somente|alleen|только')}`,
  ),
  // Japanese: "指示を無視", "ルールを忘れて", "以前の命令は無視".
  /(?:指示|命令|ルール|規則|プロンプト|制限)(?:は|を|も)?(?:すべて|全て)?(?:無視|忘れ|破棄|解除)/u,
];

export function overridesInstructions(text: string): boolean {
  return PATTERNS.some((entry) => entry.test(text));
}
