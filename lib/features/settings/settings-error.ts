import { AppError } from '../../core/errors';

export type SettingsErrorCode = 'forbidden' | 'unknown_category' | 'invalid_variant';

/** An expected failure of a settings change, safe to show to the manager. */
export class SettingsError extends AppError {
  override name = 'SettingsError';
  constructor(
    readonly code: SettingsErrorCode,
    message: string,
  ) {
    super(message);
  }
}
