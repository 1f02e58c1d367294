import { handleMailgunInbound } from '@/lib/features/intake/channels/mailgun/handle-mailgun-inbound';

export const dynamic = 'force-dynamic';

/** Mailgun routes whose URL ends in /mime post the raw message as `body-mime`; same checks. */
export async function POST(request: Request): Promise<Response> {
  return handleMailgunInbound(request);
}
