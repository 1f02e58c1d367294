import { AppError } from '../../core/errors';

export type AutonomyErrorCode = 'forbidden' | 'unknown_category' | 'not_eligible' | 'already_on' | 'explicit' | 'not_auto_sent' | 'already_reviewed';

/** An expected refusal of an autonomy change, safe to show to the person who asked. */
export class AutonomyError extends AppError {
  override name = 'AutonomyError';
  constructor(
    readonly code: AutonomyErrorCode,
    message: string,
  ) {
    super(message);
  }
}
