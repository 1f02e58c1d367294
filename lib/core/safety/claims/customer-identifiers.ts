import { isValidIban, passesLuhn } from '../checksums';
import { START } from './boundaries';

/**
 * The customer's own non-sensitive identifiers in their mail, found by code for the claims
 * screening: an order, invoice, ticket or customer number written right after the word that
 * names it ("order #A-58213", "Bestellung 48817", "commande n° 55302", "заказ RU-44129",
 * "注文番号 JP-30871"). Only such labelled numbers count: a phone number, a link or an amount
 * in the mail must not become something a reply may repeat. Numbers that look like bank or
 * card numbers, or that go on in further digit groups ("4111 1111 …"), are never identifiers.
 */

const LABEL = [
  'order|invoice|ticket|case|reference|customer|account number',
  'bestellung|bestellnummer|auftrag|rechnung|rechnungsnummer|kundennummer|ticket',
  'commande|facture|dossier|référence|client',
  'pedido|factura|referencia|ticket|cliente',
  'ordine|fattura|riferimento|pratica|cliente',
  'encomenda|pedido|fatura|referência|cliente',
  'bestelling|bestelnummer|factuur|factuurnummer|klantnummer|referentie',
  'заказ\\p{L}*|сч[её]т\\p{L}*|номер\\p{L}* заказа|договор\\p{L}*',
].join('|');
const NUMBER_SIGN = '(?:\\s*(?:number|no\\.?|nr\\.?|n[°º]\\.?|núm(?:ero)?\\.?|num(?:ero)?\\.?|nummer|№|#|:))*\\s*#?';
const IDENTIFIER = '((?:[A-Za-z]{1,4}[-/]?)?\\d[A-Za-z0-9]*(?:[-/][A-Za-z0-9]+){0,3})';
const LABELLED = new RegExp(`${START}(?:${LABEL})${NUMBER_SIGN}\\s*\\(?${IDENTIFIER}(?![\\p{L}\\p{N}]|[ .]\\d)`, 'giu');
const JAPANESE = /(?:注文番号|ご注文|請求書番号|請求書|お問い合わせ番号)\s*[:：]?\s*((?:[A-Za-z]{1,4}[-/]?)?\d[A-Za-z0-9]*(?:[-/][A-Za-z0-9]+){0,3})/gu;

function sensitive(identifier: string): boolean {
  const digits = identifier.replace(/\D/g, '');
  return isValidIban(identifier) || (digits.length >= 12 && passesLuhn(digits)) || digits.length > 16;
}

export function findCustomerIdentifiers(text: string): string[] {
  const found = [...text.matchAll(LABELLED), ...text.matchAll(JAPANESE)]
    .map((match) => match[1] ?? '')
    .filter((identifier) => identifier.replace(/\D/g, '').length >= 3 && !sensitive(identifier));
  return [...new Set(found)];
}
