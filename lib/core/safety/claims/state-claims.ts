/**
 * Claims that an account already is in a new state, without an action verb: "your account now
 * signs in with …", "Ihr Konto ist ab sofort im Business-Tarif", "tu cuenta ya usa …", "ваш
 * аккаунт теперь …", "本日より新しいメールアドレスで"; and refunds said to be under way ("your
 * refund is on its way", "il rimborso ti arriverà"). Both tell the customer something changed
 * that no person has changed.
 */

const W = (source: string) => `(?<![\\p{L}])(?:${source})(?![\\p{L}])`;

const THEIR = 'your|ihr|ihre|dein|deine|votre|ton|ta|tu|su|il tuo|il suo|la tua|la sua|seu|sua|o seu|a sua|je|uw|ваш|ваша|ваше|твой|твоя';
const ACCOUNT =
  'account|plan|subscription|e-?mail(?: address)?|login|phone number|two-step\\p{L}*|konto|tarif|abo\\p{L}*|e-?mail-adresse|anmeldung|compte|offre|abonnement|adresse e-?mail|cuenta|plan|suscripci[oó]n|correo|piano|abbonamento|conta|plano|assinatura|abonnement|e-?mailadres|аккаунт|тариф|подписк\\p{L}+|почт\\p{L}+|номер';
// "Already" is left out ("tu plan ya incluye", "тариф уже включает" describe a plan, not a change).
const NOW = 'now|from now on|henceforth|jetzt|nun|ab sofort|ab heute|désormais|dorénavant|maintenant|ahora|a partir de ahora|adesso|d\'ora in poi|da ora|agora|a partir de agora|nu|vanaf nu|voortaan|теперь|отныне';
// A condition describes a case, it claims nothing: "if your account is now locked, …".
const CONDITION = new RegExp(`${W('if|when|once|wenn|falls|sobald|si|lorsque|quand|cuando|se|quando|als|indien|zodra|если|когда')}`, 'iu');

const PATTERNS: readonly RegExp[] = [
  new RegExp(`${W(THEIR)}\\s+(?:\\p{L}+\\s+)?${W(ACCOUNT)}${'[^.!?。\\n]{0,40}?'}${W(NOW)}`, 'iu'),
  new RegExp(
    `${W('refund|erstattung|rückerstattung|gutschrift|remboursement|reembolso|devolución|rimborso|accredito|estorno|terugbetaling|возврат\\p{L}*')}[^.!?。\\n]{0,40}?${W("on (?:its|the) way|being processed|unterwegs|bereits veranlasst|en route|en cours|en camino|en curso|in arrivo|arriver\\p{L}+|arriva|a caminho|em andamento|onderweg|в пути|уже оформлен\\p{L}*")}`,
    'iu',
  ),
  /(?:本日より|今後は|すでに)[^。！？\n]{0,30}(?:新しい|変更後の)/u,
  /返金(?:は|が)[^。！？\n]{0,20}(?:手続き中|処理中|完了)/u,
];

/** The words that claim a new state or a refund under way in one sentence, if any. */
export function findStateClaims(sentence: string): string[] {
  if (/[?？]\s*$/.test(sentence)) return [];
  return PATTERNS.flatMap((pattern) => {
    const match = pattern.exec(sentence);
    return match && !CONDITION.test(sentence.slice(0, match.index + match[0].length)) && !/場合|たら/u.test(sentence) ? [match[0]] : [];
  });
}
