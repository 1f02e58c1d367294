'use client';

import { useId, useState } from 'react';
import { formatBytes } from '@/lib/core/mail/attachment-policy';
import { countOf } from '@/lib/web/format';

export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * Files for the agent's reply: each is uploaded at once (checked on the server for size and
 * type, with the reason shown when refused) and sent with the reply by id.
 */
export function ReplyAttachments({
  conversationId,
  files,
  onChange,
  disabled,
  what = 'the reply',
}: {
  conversationId: string;
  files: UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
  disabled: boolean;
  /** What the files go with, for their labels: the agent's reply or the draft being approved. */
  what?: string;
}) {
  const inputId = useId();
  const [errors, setErrors] = useState<string[]>([]);
  const [uploading, setUploading] = useState(0);

  const upload = async (chosen: FileList | null) => {
    if (!chosen) return;
    const problems: string[] = [];
    let added: UploadedFile[] = [];
    setUploading(chosen.length);
    for (const file of Array.from(chosen)) {
      try {
        const response = await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/attachments`, {
          method: 'POST',
          headers: { 'content-type': file.type || 'application/octet-stream', 'x-filename': encodeURIComponent(file.name) },
          body: file,
        });
        const data = (await response.json().catch(() => ({}))) as Partial<UploadedFile> & { message?: string };
        if (!response.ok || !data.id) problems.push(data.message ?? `${file.name} could not be attached (${response.status}).`);
        else added = [...added, { id: data.id, filename: data.filename ?? file.name, contentType: data.contentType ?? file.type, sizeBytes: data.sizeBytes ?? file.size }];
      } catch {
        problems.push(`${file.name} could not be uploaded: the connection failed. Try again.`);
      }
    }
    setUploading(0);
    setErrors(problems);
    onChange([...files, ...added]);
  };

  return (
    <div className="space-y-1 text-sm">
      <div className="flex items-center gap-3">
        <label htmlFor={inputId} className="cursor-pointer text-xs font-medium text-brand-700 hover:underline">
          Attach files…
        </label>
        <input
          id={inputId}
          type="file"
          multiple
          disabled={disabled || uploading > 0}
          className="sr-only"
          aria-label={`Attach files to ${what}`}
          onChange={(event) => {
            void upload(event.target.files);
            event.target.value = '';
          }}
        />
        {uploading > 0 ? <span className="text-xs text-slate-500">Uploading {countOf(uploading, 'file')}…</span> : null}
      </div>
      {files.length > 0 ? (
        <ul aria-label={`Files attached to ${what}`} className="flex flex-wrap gap-2">
          {files.map((file) => (
            <li key={file.id} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-xs">
              <span>{file.filename}</span>
              <span className="text-slate-500">({formatBytes(file.sizeBytes)})</span>
              <button
                type="button"
                disabled={disabled}
                aria-label={`Remove ${file.filename}`}
                className="ml-1 text-slate-500 hover:text-red-700"
                onClick={() => onChange(files.filter((other) => other.id !== file.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {errors.map((error) => (
        <p key={error} role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ))}
    </div>
  );
}
