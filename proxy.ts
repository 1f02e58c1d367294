import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { AUTH_COOKIE_PREFIX } from './lib/web/auth/cookie-prefix';
import { REQUEST_PATH_HEADER } from './lib/web/auth/request-path-header';

/**
 * Defence in depth only: the real checks are requireUser / requireActionUser /
 * requireApiActor at the top of every page, action and route. Here a page request without
 * any session cookie goes straight to /sign-in, and every page learns its own path (server
 * components cannot read it otherwise) so requireUser can send people back after sign-in.
 */
const PUBLIC_PAGES = ['/sign-in'];

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
  if (!isPublic && !getSessionCookie(request, { cookiePrefix: AUTH_COOKIE_PREFIX })) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  // Overwrite whatever the client sent: the header is ours.
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: route handlers answer 401 themselves, and static assets need no session.
  matcher: ['/((?!api/|_next/static|_next/image|favicon\\.ico|robots\\.txt|.*\\.(?:png|jpg|jpeg|gif|svg|ico|webp|css|js|map|txt)$).*)'],
};
