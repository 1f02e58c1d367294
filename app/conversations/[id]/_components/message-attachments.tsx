import { Badge } from '@/components/badge';
import { formatBytes } from '@/lib/core/mail/attachment-policy';
import type { AttachmentView } from '@/lib/read/conversation/get-conversation-detail';

/**
 * The files that came with a message: name, type and size, a download link (always saved, never
 * opened on our origin), a preview for raster images, and why a refused one cannot be had.
 */
export function MessageAttachments({ attachments }: { attachments: AttachmentView[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="mt-3 space-y-2 border-t border-slate-100 pt-3">
      {attachments.map((attachment) => (
        <li key={attachment.id} className="flex flex-wrap items-center gap-2 text-sm" aria-label={`Attachment ${attachment.filename}`}>
          {attachment.previewable ? (
            // eslint-disable-next-line @next/next/no-img-element -- a same-origin, sniffed raster image; next/image would proxy it
            <img src={`/api/attachments/${attachment.id}?preview=1`} alt={`Preview of ${attachment.filename}`} className="h-16 max-w-32 rounded object-contain ring-1 ring-slate-200" />
          ) : null}
          <span className="font-medium text-slate-800">{attachment.filename}</span>
          <span className="text-xs text-slate-500">
            {attachment.contentType} · {formatBytes(attachment.sizeBytes)}
            {attachment.inline ? ' · inline' : ''}
          </span>
          {attachment.refusedReason ? (
            <Badge tone="danger" title={attachment.refusedReason}>
              Not downloadable: {attachment.refusedReason}
            </Badge>
          ) : (
            <a href={`/api/attachments/${attachment.id}`} download={attachment.filename} className="text-xs font-medium text-brand-700 hover:underline">
              Download
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
