import { handleInboundRequest } from '@/lib/features/intake/channels/api/handle-inbound-request';

export const dynamic = 'force-dynamic';

/** Inbound mail from the mail provider; authenticated by its shared secret or signature. */
export async function POST(request: Request): Promise<Response> {
  return handleInboundRequest(request);
}
