/**
 * Cross-site request defence for cookie-authenticated mutations: the browser's Origin must
 * be this host or a configured trusted origin. Browsers always send Origin on POST, so a
 * missing one is refused rather than waved through.
 */
export interface OriginCheckInput {
  headers: Headers;
  trustedOrigins: readonly string[];
}

export function isAllowedOrigin({ headers, trustedOrigins }: OriginCheckInput): boolean {
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return false;
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false;
  }
  if (trustedOrigins.some((trusted) => sameOrigin(trusted, originUrl))) return true;
  // Behind a proxy the public host arrives in x-forwarded-host, as Next itself assumes.
  const host = firstValue(headers.get('x-forwarded-host')) ?? headers.get('host');
  return host !== null && host.toLowerCase() === originUrl.host.toLowerCase();
}

/** Methods that change state and therefore need the Origin check. */
export function isMutation(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

function sameOrigin(trusted: string, origin: URL): boolean {
  try {
    return new URL(trusted).origin === origin.origin;
  } catch {
    return false;
  }
}

function firstValue(header: string | null): string | null {
  const first = header?.split(',')[0]?.trim();
  return first ? first : null;
}
