/**
 * Typed application errors: expected failures whose message is safe to show. Data
 * functions throw them; pages, actions and routes map them to a 404, a typed result or a
 * message, so a missing row or a refused change never surfaces as a 500.
 */
export class AppError extends Error {
  override name = 'AppError';
}

/** The thing asked for does not exist (or is not visible to the caller). */
export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
}

export function isNotFoundError(error: unknown): error is NotFoundError {
  return error instanceof NotFoundError;
}
