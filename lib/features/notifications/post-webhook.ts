/**
 * POSTs `{ text }` to a Slack-compatible incoming webhook. Redirects are not followed (the URL
 * was checked, where it redirects was not), the answer is not read beyond its status, and an
 * error names the status or the failure, never the URL (it is a credential).
 */
export async function postWebhook(url: string, text: string, options: { timeoutMs: number; fetch?: typeof fetch }): Promise<void> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text }),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : 'the webhook could not be reached';
    throw new Error(reason, { cause: undefined });
  }
  await response.body?.cancel();
  if (!response.ok) throw new Error(`the webhook answered HTTP ${response.status}`);
}
