import { AppError } from '../../core/errors';

/** A mailbox change that cannot be made (a duplicate address, no key for its password). */
export class MailboxError extends AppError {
  override name = 'MailboxError';
}
