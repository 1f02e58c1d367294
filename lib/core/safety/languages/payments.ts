import { pattern, word } from './words';

/**
 * Requests to change where money goes, in the supported languages other than English: a
 * sentence that names money (refunds, payments, payouts), where it goes (an account, bank
 * details, an IBAN) and a change ("new", "from today", "changed", "instead"). The same three
 * parts as the English rule in screen-structure, with each language's words.
 */

export const MONEY_WORDS = pattern(
  word(
    '(?:rück)?erstattung\\p{L}*|zahlung\\p{L}*|auszahlung\\p{L}*|gutschrift\\p{L}*|überweisung\\p{L}*|rechnungsbetr\\p{L}*|geld|' +
      'rembours\\p{L}*|paiement\\p{L}*|versement\\p{L}*|virement\\p{L}*|fonds|' +
      'reembolso\\p{L}*|pago\\p{L}*|abono\\p{L}*|transferencia\\p{L}*|devoluci\\p{L}+|dinero|' +
      'rimbors\\p{L}*|pagament\\p{L}*|bonific\\p{L}*|accredit\\p{L}*|soldi|' +
      'reembolso\\p{L}*|pagamento\\p{L}*|estorno\\p{L}*|transferência\\p{L}*|dinheiro|' +
      'terugbetaling\\p{L}*|betaling\\p{L}*|uitbetaling\\p{L}*|restitutie\\p{L}*|' +
      'возврат\\p{L}*|плат[её]ж\\p{L}*|оплат\\p{L}*|выплат\\p{L}*|перевод\\p{L}*|перечисл\\p{L}*|деньг\\p{L}*|средств\\p{L}*',
  ) + '|返金|払い戻し|支払い?|振込|送金',
);

export const DESTINATION_WORDS = pattern(
  word(
    'konto\\p{L}*|bankverbindung\\p{L}*|bankdaten|kontodaten|iban|bic|swift|empfänger\\p{L}*|' +
      'compte\\p{L}*|coordonnées bancaires|rib|bénéficiaire\\p{L}*|' +
      'cuenta\\p{L}*|datos bancarios|beneficiari\\p{L}*|' +
      'conto|conti|coordinate bancarie|beneficiari\\p{L}*|' +
      'conta\\p{L}*|dados bancários|nib|favorecid\\p{L}*|' +
      'rekening\\p{L}*|bankgegevens|begunstigde|' +
      'сч[её]т\\p{L}*|реквизит\\p{L}*|карт\\p{L}+|получател\\p{L}*|бик',
  ) + '|口座|振込先|送金先',
);

export const CHANGE_WORDS = pattern(
  word(
    'neue[nmrs]?|neu|geändert|ändern|änderung\\p{L}*|ab sofort|ab heute|künftig|zukünftig|umgestellt|gewechselt|stattdessen|' +
      'nouve(?:au|aux|l|lle|lles)|désormais|dorénavant|à partir d\'aujourd\'hui|à compter de|changement|chang\\p{L}*|modifi\\p{L}*|au lieu de|' +
      'nuev[oa]s?|a partir de (?:hoy|ahora|ya)|en adelante|cambi\\p{L}*|modific\\p{L}*|en lugar de|' +
      'nuov[oaie]|da oggi|d\'ora in poi|d\'ora in avanti|d’ora in poi|variazion\\p{L}*|cambi\\p{L}*|modific\\p{L}*|invece|' +
      'nov[oa]s?|a partir de hoje|doravante|alter\\p{L}*|mudança|mud\\p{L}*|em vez de|' +
      'nieuwe?|voortaan|vanaf (?:nu|vandaag)|gewijzigd|wijzig\\p{L}*|veranderd|in plaats van|' +
      'нов\\p{L}+|с сегодняшнего дня|отныне|впредь|измен\\p{L}*|смен\\p{L}*|вместо',
  ) + '|新しい|変更|今後',
);

/** One sentence (or it and the next) that asks to send money somewhere new. */
export function redirectsMoney(text: string): boolean {
  const sentences = text.split(/(?<=[.!?。！？])\s*|\n+/).filter((sentence) => sentence.trim());
  return sentences.some((sentence, index) => {
    const window = `${sentence} ${sentences[index + 1] ?? ''}`;
    return MONEY_WORDS.test(window) && DESTINATION_WORDS.test(window) && CHANGE_WORDS.test(sentence);
  });
}

/** Bank details to be changed, named in one sentence: "neue Bankverbindung", "nouvelles coordonnées bancaires". */
export function changesBankDetails(text: string): boolean {
  const bank = pattern(word('bankverbindung\\p{L}*|bankdaten|kontodaten|coordonnées bancaires|datos bancarios|coordinate bancarie|dados bancários|bankgegevens|реквизит\\p{L}*') + '|振込先|口座');
  return text
    .split(/(?<=[.!?。！？])\s*|\n+/)
    .some((sentence) => bank.test(sentence) && CHANGE_WORDS.test(sentence));
}
