import type { SMTPServerError } from 'smtp-server';

/** smtp-server answers a callback error with `responseCode` as the SMTP reply code. */
export function smtpError(responseCode: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}
