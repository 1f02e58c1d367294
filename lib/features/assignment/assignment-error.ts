import { AppError } from '../../core/errors';

export type AssignmentErrorCode = 'unknown_user' | 'disabled_user' | 'not_found' | 'changed_meanwhile';

/** An assignment refused, with a message safe to show; nothing was changed. */
export class AssignmentError extends AppError {
  override name = 'AssignmentError';
  constructor(
    readonly code: AssignmentErrorCode,
    message: string,
  ) {
    super(message);
  }
}
