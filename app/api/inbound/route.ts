import { env } from '@/lib/platform/config/env';
import { getDb } from '@/lib/platform/db';
import { handleInboundRequest } from '@/lib/features/intake/channels/api/handle-inbound-request';
import { getTemporalClient } from '@/lib/platform/temporal/client';

export const dynamic = 'force-dynamic';

/** Inbound mail from the mail provider; authenticated by its shared secret or signature. */
export async function POST(request: Request): Promise<Response> {
  return handleInboundRequest(request, { db: await getDb(), getClient: getTemporalClient, config: env() });
}
