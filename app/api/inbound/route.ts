import { env } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import { handleInboundRequest } from '@/lib/intake/handle-inbound-request';
import { getTemporalClient } from '@/lib/temporal/client';

export const dynamic = 'force-dynamic';

/** Inbound mail from the mail provider; authenticated by its shared secret or signature. */
export async function POST(request: Request): Promise<Response> {
  return handleInboundRequest(request, { db: await getDb(), getClient: getTemporalClient, config: env() });
}
