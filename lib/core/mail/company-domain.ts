/**
 * Which customers belong to the same company: those whose address shares a domain, unless the
 * domain is a free-mail provider, where strangers share it. The one list of such providers.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'live.com', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.co.jp', 'ymail.com', 'rocketmail.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'pm.me', 'tutanota.com', 'tuta.io',
  'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 't-online.de', 'mail.com', 'zoho.com', 'yandex.com', 'yandex.ru', 'mail.ru',
  'qq.com', '163.com', '126.com', 'orange.fr', 'free.fr', 'laposte.net', 'libero.it', 'fastmail.com', 'hey.com',
]);

/** The address's domain in lower case, or null when it has none. */
export function mailDomainOf(address: string | null | undefined): string | null {
  if (!address) return null;
  const at = address.lastIndexOf('@');
  const domain = at > 0 ? address.slice(at + 1).trim().toLowerCase() : '';
  return domain === '' ? null : domain;
}

/** The company domain colleagues share, or null for free mail (and no address). */
export function companyDomainOf(address: string | null | undefined): string | null {
  const domain = mailDomainOf(address);
  return domain && !FREE_MAIL_DOMAINS.has(domain) ? domain : null;
}
