import * as client from 'openid-client';

/** An OAuth library or provider error in words for the log: codes and descriptions, never a token. */
export function describeOAuthFailure(failure: unknown): string {
  if (failure instanceof client.ResponseBodyError) return `${failure.error}: ${(failure.error_description ?? '').slice(0, 300)} (HTTP ${failure.status})`;
  if (failure instanceof client.ClientError) {
    // The underlying check (which claim: iss, aud, nonce…) names the misconfiguration; no values.
    const inner = failure.cause instanceof Error ? ` (${failure.cause.message})` : '';
    return `${failure.code ?? 'client error'}: ${failure.message}${inner}`;
  }
  return failure instanceof Error ? failure.message.slice(0, 300) : 'unknown failure';
}
