import { findCustomerIdentifiers } from '../safety/claims/customer-identifiers';

// The words that name an order (not an invoice or a ticket), in the languages the claims screening reads.
const ORDER_WORD = '(?:order|bestellung|bestellnummer|auftrag|commande|pedido|ordine|encomenda|bestelling|bestelnummer|заказ\\p{L}*|注文番号|ご注文)';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The order number in the customer's own mail, found by code ("order #A-58213", "Bestellung
 * 48817"), never taken from a model's reading of it; the first one wins. Null when none.
 */
export function orderNumberIn(text: string): string | null {
  for (const identifier of findCustomerIdentifiers(text)) {
    const labelled = new RegExp(`${ORDER_WORD}[^\\p{L}\\p{N}]{0,20}${escape(identifier)}`, 'iu');
    if (labelled.test(text)) return identifier;
  }
  return null;
}
