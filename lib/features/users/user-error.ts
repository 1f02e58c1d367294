import { AppError } from '../../core/errors';

export type UserErrorCode = 'email_taken' | 'not_found' | 'cannot_disable_self' | 'last_admin' | 'wrong_password' | 'no_password';

const MESSAGES: Record<UserErrorCode, string> = {
  email_taken: 'A user with this email already exists.',
  not_found: 'No such user.',
  cannot_disable_self: 'You cannot disable your own account.',
  last_admin: 'This is the last enabled admin: make someone else an admin first.',
  wrong_password: 'Your current password is not right.',
  no_password: 'You sign in through your organisation’s identity provider: change your password there.',
};

/** An expected failure of a user operation, safe to show to the admin. */
export class UserError extends AppError {
  override name = 'UserError';
  constructor(readonly code: UserErrorCode) {
    super(MESSAGES[code]);
  }
}
