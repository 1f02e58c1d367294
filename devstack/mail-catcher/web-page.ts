import type { CaughtMessage, CaughtMessageSummary } from './types';

// A deliberately plain page so a person running `npm start` can read what the app "sent"
// without a mail client; the dashboard uses the JSON API instead.

export function renderIndexPage(messages: CaughtMessageSummary[]): string {
  const rows = messages
    .map(
      (m) => `<tr>
  <td>${escapeHtml(m.receivedAt.replace('T', ' ').slice(0, 19))}</td>
  <td>${escapeHtml(m.envelope.to.join(', '))}</td>
  <td><a href="/messages/${m.id}">${escapeHtml(m.subject ?? '(no subject)')}</a><br><small>${escapeHtml(m.preview)}</small></td>
</tr>`,
    )
    .join('\n');
  const body = messages.length
    ? `<table><thead><tr><th>Received (UTC)</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No messages caught yet.</p>';
  return layout(`Mail catcher (${messages.length})`, body);
}

export function renderMessagePage(message: CaughtMessage): string {
  const meta: Array<[string, string]> = [
    ['From', message.headers.from ?? message.from ?? ''],
    ['To', message.headers.to ?? message.to.join(', ')],
    ['Envelope', `${message.envelope.from || '<>'} → ${message.envelope.to.join(', ')}`],
    ['Subject', message.subject ?? ''],
    ['Date', message.date ?? ''],
    ['Message-ID', message.messageId ?? ''],
    ['In-Reply-To', message.inReplyTo ?? ''],
    ['References', message.references.join(' ')],
  ];
  const table = meta.map(([k, v]) => `<tr><th>${k}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  // An empty sandbox keeps scripts and forms in caught HTML from running on this origin.
  const html = message.html === null ? '' : `<h2>HTML</h2><iframe sandbox="" srcdoc="${escapeHtml(message.html)}"></iframe>`;
  const body = `<p><a href="/">← all messages</a> · <a href="/api/messages/${message.id}/raw">raw .eml</a> · <a href="/api/messages/${message.id}">JSON</a></p>
<table>${table}</table><h2>Text</h2><pre>${escapeHtml(message.text)}</pre>${html}`;
  return layout(message.subject ?? '(no subject)', body);
}

function layout(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.3rem .6rem;border-bottom:1px solid #ddd}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}
iframe{width:100%;height:30rem;border:1px solid #ddd}small{color:#666}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
