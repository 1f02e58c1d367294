import { handlePostmarkInbound } from '@/lib/features/intake/channels/postmark/handle-postmark-inbound';

export const dynamic = 'force-dynamic';

/** Inbound mail from Postmark; authenticated the way Postmark signs it (see the handler). */
export async function POST(request: Request): Promise<Response> {
  return handlePostmarkInbound(request);
}
