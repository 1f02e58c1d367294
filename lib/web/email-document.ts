/**
 * Wraps sanitized email HTML in a document for `<iframe sandbox srcDoc>`. The CSP is the
 * second lock: nothing may load except inline styles, data: images and, only when the agent
 * opted in, remote https images. Links open in a new tab (the iframe allows popups only).
 */
export function emailDocument(bodyHtml: string, options: { allowRemoteImages?: boolean } = {}): string {
  const images = options.allowRemoteImages ? "data: https: http:" : 'data:';
  const csp = `default-src 'none'; img-src ${images}; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'`;
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<base target="_blank">
<style>body{margin:0;padding:12px;font:14px/1.5 system-ui,sans-serif;color:#0f172a;overflow-wrap:anywhere}img{max-width:100%;height:auto}blockquote{margin:0 0 0 8px;padding-left:8px;border-left:2px solid #cbd5e1;color:#475569}table{max-width:100%}</style>
</head><body>${bodyHtml}</body></html>`;
}
