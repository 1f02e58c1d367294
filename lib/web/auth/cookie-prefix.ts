/** Auth cookies are `countersign.session_token` (`__Secure-` prefixed over https). */
export const AUTH_COOKIE_PREFIX = 'countersign';
