import { getAuth } from '@/lib/web/auth';

// better-auth's endpoints (sign-in, sign-out, get-session); public sign-up is disabled.
export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  const auth = await getAuth();
  return auth.handler(request);
}

export { handle as GET, handle as POST };
