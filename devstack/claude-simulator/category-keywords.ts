// Keyword tables behind the category guess. Categories are configurable in the app, so the
// simulator scores a few canonical topics and then maps them onto whatever enum the tool declares.

export const CANONICAL_CATEGORIES = ['account', 'billing', 'technical', 'orders', 'feedback'] as const;
export type CanonicalCategory = (typeof CANONICAL_CATEGORIES)[number];

const keywords = (list: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.split('|').join('|')})(?![\\p{L}\\p{N}])`, 'giu');

/** Words in the customer's email that point at a topic (a few non-English ones included). */
export const CATEGORY_KEYWORDS: Record<CanonicalCategory, RegExp> = {
  account: keywords(
    'password|passwords|passwort|mot de passe|contraseña|wachtwoord|login|log in|logging in|log-in|sign in|signin|' +
      'sign-in|2fa|two-factor|two factor|mfa|authenticator|username|locked out|lock out|account|accounts|konto|compte|' +
      'cuenta|email address|verification code|reset link|profile|anmelden|connexion|iniciar sesión|gdpr|personal data|' +
      'senha|palavra-passe|parola d\'ordine|пароль|аккаунт|учетная запись|パスワード|アカウント|ログイン|datenschutz|dsgvo|rgpd',
  ),
  billing: keywords(
    'refund|refunds|refunded|charge|charged|charges|chargeback|invoice|invoices|billing|billed|bill|payment|payments|' +
      'paid|pay|subscription|price|pricing|receipt|credit card|vat|rechnung|facture|factura|factuur|fattura|fatura|plan|' +
      'erstattung|remboursement|reembolso|rimborso|terugbetaling|возврат|счет|счёт|返金|請求|領収書|' +
      'upgrade|downgrade|money back',
  ),
  technical: keywords(
    'bug|bugs|error|errors|crash|crashes|crashed|crashing|broken|not working|doesn\'t work|does not work|fails|failed|' +
      'failing|api|timeout|slow|glitch|freeze|freezes|frozen|exception|500|404|outage|sync|integration|app|fehler|' +
      'erreur|bug report|loading',
  ),
  orders: keywords(
    'shipping|shipment|ship|delivery|deliver|delivered|order|orders|package|parcel|tracking|shipped|arrived|arrive|' +
      'courier|return|returns|exchange|lieferung|bestellung|paket|sendung|commande|livraison|colis|pedido|envío|paquete|' +
      'bestelling|pakket|levering|verzending|ordine|spedizione|consegna|pacco|encomenda|entrega|envio|rastreamento|' +
      'заказ|доставка|посылка|отправка|注文|配送|発送|荷物|追跡',
  ),
  feedback: keywords(
    'feature|features|suggest|suggestion|suggestions|idea|ideas|would be nice|would love|feedback|improve|' +
      'improvement|wish|roadmap|feature request',
  ),
};

/** Fragments of category *names* that mean the same topic, for matching a configured enum value. */
export const CATEGORY_NAME_HINTS: Record<CanonicalCategory, readonly string[]> = {
  account: ['account', 'login', 'access', 'auth', 'security', 'password', 'profile'],
  billing: ['billing', 'payment', 'invoice', 'refund', 'finance', 'charge', 'subscription', 'pricing'],
  technical: ['technical', 'tech', 'bug', 'error', 'software', 'outage', 'integration'],
  orders: ['order', 'shipping', 'delivery', 'logistic', 'fulfil', 'return', 'shipment'],
  feedback: ['feedback', 'feature', 'suggestion', 'idea'],
};

/** Names of the catch-all bucket, in order of preference. */
export const FALLBACK_NAME_HINTS: readonly string[] = ['other', 'general', 'misc', 'uncategorized', 'question', 'inquiry'];

export function categoryScores(text: string): Record<CanonicalCategory, number> {
  const scores = {} as Record<CanonicalCategory, number>;
  for (const category of CANONICAL_CATEGORIES) {
    scores[category] = [...text.matchAll(CATEGORY_KEYWORDS[category])].length;
  }
  return scores;
}
