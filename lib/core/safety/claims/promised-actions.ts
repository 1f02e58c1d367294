/**
 * Promises, in our name, to do an account or money action for this customer: "we will refund",
 * "wir werden Ihnen … erstatten", "nous allons vous rembourser", "le devolveremos", "ti
 * rimborseremo", "vamos reembolsar", "we zullen … terugbetalen", "мы вернём", "返金いたします".
 * Refunds, credits and account changes are decided by people, never promised in an automatic
 * reply, so a promise holds the draft like a claim that it was done. Only our own future or
 * going-to forms count: "refunds are issued within 5 days" or "the billing team decides" do not.
 */

const W = (source: string) => new RegExp(`(?<![\\p{L}])(?:${source})(?![\\p{L}])`, 'iu');

// The verbs: money moved or waived, and changes to the account or how it signs in. "Update"
// and "send" are left out: "we'll update you", "we'll send an update" promise news, not actions.
const PROMISES: readonly RegExp[] = [
  W(
    "(?:we|i)(?:['’]ll| will| shall| are going to| am going to|['’]re going to|['’]m going to)(?: \\p{L}+ly| also| now| then| gladly| happily| immediately| still)? (?:refund|credit|reimburse|waive|compensate|upgrade|downgrade|cancel|change|move|reset|unlock|disable|transfer|apply|add|remove|reverse|comp|extend|give you|grant|pay)",
  ),
  W(
    '(?:wir|ich) (?:werden|werde)(?: \\p{L}+){0,6} (?:erstatten|zurückerstatten|gutschreiben|zurückzahlen|überweisen|erlassen|stornieren|kündigen|ändern|umstellen|freischalten|zurücksetzen|deaktivieren|verschieben|upgraden|gewähren|auszahlen)|(?:werden|werde) (?:wir|ich)(?: \\p{L}+){0,6} (?:erstatten|zurückerstatten|gutschreiben|zurückzahlen|überweisen|erlassen|stornieren|ändern|umstellen|freischalten|gewähren|auszahlen)',
  ),
  W(
    "(?:nous allons|je vais|on va)(?: vous| te)? (?:rembourser|créditer|annuler|modifier|changer|transférer|réinitialiser|désactiver|offrir|accorder|verser)|(?:rembours|crédit|annul|modifi|transfér|réinitialis|désactiv|offri|accord|vers)(?:erons|erai)",
  ),
  W(
    '(?:vamos|voy) a (?:\\p{L}+ )?(?:reembolsar|devolver|abonar|acreditar|cancelar|anular|cambiar|transferir|desactivar|regalar|aplicar)|(?:reembols|devolv|abon|acredit|cancel|anul|cambi|transfer|desactiv|regal|aplic|condon)(?:aremos|eremos|iremos|aré|eré|iré)',
  ),
  W('(?:rimbors|accredit|annull|cancell|cambi|spost|trasfer|disattiv|riattiv|regal|applic|abbuon|restitu)(?:eremo|erò|iremo|irò)'),
  W(
    '(?:vamos|vou|iremos|irei) (?:\\p{L}+ )?(?:reembolsar|devolver|creditar|estornar|cancelar|alterar|mudar|transferir|desativar|oferecer|aplicar)|(?:reembols|devolv|credit|estorn|cancel|alter|mud|transfer|desativ|oferec|aplic)(?:aremos|eremos|iremos|arei|erei|irei)',
  ),
  W(
    '(?:we|wij|ik) (?:zullen|zal|gaan|ga)(?: \\p{L}+){0,6} (?:terugbetalen|terugstorten|crediteren|vergoeden|annuleren|wijzigen|omzetten|resetten|uitschakelen|kwijtschelden|overmaken|upgraden)',
  ),
  // Perfective future, first person: "вернём", "отменим", "оформим возврат", "верну" (not the nouns "отмену", "возврату").
  W('(?:верн|отмен|измен|перевед|начисл|зачисл|сброс|отключ|перенес|спиш|предостав|оформ)(?:ём|ем|им)|компенсируем|верну|отменю|изменю|переведу|начислю|оформлю|компенсирую|сброшу|отключу'),
  /(?:返金|払い戻し|変更|移行|付与|解約|取り消し|キャンセル|免除|無効化|アップグレード|割引|補償|返還|振り込み|振込)(?:を|も)?(?:いたします|致します|します|させていただきます)/u,
];

/** The words that make a promise in one sentence, if any. */
export function findPromises(sentence: string): string[] {
  if (/[?？]\s*$/.test(sentence)) return [];
  return PROMISES.flatMap((pattern) => {
    const match = pattern.exec(sentence);
    return match ? [match[0]] : [];
  });
}
