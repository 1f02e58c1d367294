import { handleSendgridInbound } from '@/lib/features/intake/channels/sendgrid/handle-sendgrid-inbound';

export const dynamic = 'force-dynamic';

/** Inbound mail from Sendgrid; authenticated the way Sendgrid signs it (see the handler). */
export async function POST(request: Request): Promise<Response> {
  return handleSendgridInbound(request);
}
