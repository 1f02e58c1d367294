import { AppError } from '../../core/errors';

/** An expected failure of a saved-reply operation, safe to show. */
export class SavedReplyError extends AppError {
  override name = 'SavedReplyError';
}
