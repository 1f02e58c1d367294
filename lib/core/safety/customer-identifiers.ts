/**
 * The customer's own non-sensitive identifiers, found by code in their own mail: order,
 * invoice and ticket numbers. A reply may repeat them without any knowledge passage saying so.
 * Only shapes that mix letters and digits or follow a '#' count: a bare number could be a code,
 * an amount or a phone number the email wants repeated, and those must come from the knowledge.
 */
const IDENTIFIER = /(?<![\w@./-])(?:#\d{3,12}|[A-Z]{1,5}-?\d{3,12}(?:-\d{1,6})?)(?![\w@/-])/g;

export function customerIdentifiers(text: string): string[] {
  return [...new Set(text.match(IDENTIFIER) ?? [])].slice(0, 50);
}
