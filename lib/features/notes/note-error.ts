import { AppError } from '../../core/errors';

/** A note refused (a mention of nobody, an unknown conversation): nothing was saved. */
export class NoteError extends AppError {
  override name = 'NoteError';
}
