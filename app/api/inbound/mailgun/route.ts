import { handleMailgunInbound } from '@/lib/features/intake/channels/mailgun/handle-mailgun-inbound';

export const dynamic = 'force-dynamic';

/** Inbound mail from Mailgun; authenticated the way Mailgun signs it (see the handler). */
export async function POST(request: Request): Promise<Response> {
  return handleMailgunInbound(request);
}
