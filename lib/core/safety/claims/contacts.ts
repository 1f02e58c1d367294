import type { DraftToken } from './types';

/**
 * Where a reply could send the customer: links (compared by host and path, so a tracking
 * query string does not matter but another host or page does), email addresses, and phone
 * numbers (compared by their digits, however they are grouped).
 */

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'()]+|\b(?:[a-z0-9-]+\.)+(?:com|net|org|info|io|co|dev|app|link|eu|de|fr|es|it|pt|nl|be|ch|at|uk|jp|ru|br|biz|online|site|xyz)(?:\/[^\s<>"'()]*)?(?![\w@.-])/gi;
// Starts only where a local part can start, so a long run of letters is not rescanned from every offset.
const EMAIL = /(?<![\p{L}0-9._%+-])[\p{L}0-9._%+-]+@[\p{L}0-9-]+(?:\.[\p{L}0-9-]+)*\.\p{L}{2,}/giu;
// A leading + or 0, or three or more groups: a phone, not an amount, an order number or a code.
const PHONE = /(?<![\p{L}\p{N}+])(?:\+|00)?\(?\d{1,4}\)?(?:[ .\-/]\(?\d{1,8}\)?\d{0,8}){1,5}(?![\p{N}])/gu;

const TRAILING = /[.,;:!?)\]}>»”’'"]+$/;

/** host + path of a link, lowercased, without "www." and trailing slashes. */
export function urlKey(link: string): string {
  const bare = link.replace(TRAILING, '').replace(/^[a-z]+:\/\//i, '').replace(/^www\./i, '');
  const [hostAndPath = ''] = bare.split(/[?#]/);
  return hostAndPath.toLowerCase().replace(/\/+$/, '');
}

export function findUrls(text: string): DraftToken[] {
  return [...text.matchAll(URL)].map((match) => {
    const token = match[0].replace(TRAILING, '');
    return { rule: 'url', token, keys: [urlKey(token)], index: match.index };
  });
}

export function findEmails(text: string): DraftToken[] {
  return [...text.matchAll(EMAIL)].map((match) => ({ rule: 'email', token: match[0], keys: [match[0].toLowerCase()], index: match.index }));
}

// "+49 (0)30 …" is dialled without the bracketed trunk zero.
export const phoneKey = (phone: string) => phone.replace(/\(0\)/g, '').replace(/\D/g, '').replace(/^00/, '');

export function findPhones(text: string): DraftToken[] {
  return [...text.matchAll(PHONE)]
    .filter((match) => {
      const digits = phoneKey(match[0]).length;
      const groups = match[0].split(/[ .\-/()]+/).filter(Boolean).length;
      return digits >= 8 && digits <= 15 && (/^[+0(]/.test(match[0]) || groups >= 3);
    })
    .map((match) => ({ rule: 'phone', token: match[0].trim(), keys: [phoneKey(match[0])], index: match.index }));
}
