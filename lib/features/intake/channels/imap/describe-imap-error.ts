/** What an admin should read when a mailbox cannot be read: the cause in words, no secrets. */
export function describeImapError(error: unknown, where: string, login: 'password' | 'oauth' = 'password'): { message: string; authentication: boolean } {
  const failure = error as { authenticationFailed?: boolean; code?: string; responseText?: string; message?: string } | null;
  const text = (failure?.responseText || failure?.message || String(error)).replace(/\s+/g, ' ').slice(0, 300);
  if (failure?.authenticationFailed && login === 'oauth') {
    return { message: `${where} refused the OAuth access token (${text}). A fresh token is asked for on the next attempt; if it keeps failing, reconnect the mailbox.`, authentication: true };
  }
  if (failure?.authenticationFailed) {
    return { message: `${where} refused the user name or password (${text}). Check the app password; some providers need IMAP turned on.`, authentication: true };
  }
  switch (failure?.code) {
    case 'ECONNREFUSED':
      return { message: `Cannot connect to ${where}: connection refused. Check the server and port.`, authentication: false };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { message: `Cannot find ${where}: the host name does not resolve.`, authentication: false };
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
    case 'GREETING_TIMEOUT':
    case 'ETIMEOUT':
      return { message: `${where} did not answer in time (${failure.code}).`, authentication: false };
    case 'NoConnection':
    case 'EConnectionClosed':
      return { message: `${where} closed the connection; reconnecting.`, authentication: false };
    default:
      return { message: `${where}: ${text}`, authentication: false };
  }
}
