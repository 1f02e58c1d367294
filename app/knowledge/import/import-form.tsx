'use client';

import { useFormAction } from '@/components/use-form-action';
import { Button } from '@/components/button';
import { KNOWLEDGE_LIMITS } from '@/lib/core/knowledge/limits';
import { formatBytes } from '@/lib/core/mail/attachment-policy';
import type { ImportResult } from '@/lib/features/knowledge/import/import-articles';

type ImportFormResult = ImportResult | null;

const refused = (reason: string): ImportFormResult => ({ ok: false, problems: [{ file: '(upload)', line: 1, reason }] });

/**
 * Posts the chosen files to the import route (a route handler: a server action's body is
 * capped at 1 MB). An upload over the limit is refused here before it is sent; the route
 * enforces the same limit.
 */
async function postImport(_previous: ImportFormResult, form: FormData): Promise<ImportFormResult> {
  const files = form.getAll('files').filter((value): value is File => value instanceof File && value.size > 0);
  if (files.length === 0) return refused('no files were chosen');
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > KNOWLEDGE_LIMITS.maxImportUploadBytes) {
    return refused(`the upload is ${formatBytes(total)}, larger than the limit of ${formatBytes(KNOWLEDGE_LIMITS.maxImportUploadBytes)}: import it in parts`);
  }
  const body = new FormData();
  for (const file of files) body.append('files', file, file.webkitRelativePath || file.name);
  try {
    const response = await fetch('/api/knowledge/import', { method: 'POST', body });
    const answer = (await response.json().catch(() => null)) as ImportResult | { message?: string } | null;
    if (answer && 'ok' in answer) return answer;
    return refused(answer?.message ?? `the server answered ${response.status}`);
  } catch {
    return refused('the upload did not reach the server; check the connection and try again');
  }
}

/** Upload a folder (or files); every problem is listed with its file and line, and nothing is imported then. */
export function ImportForm() {
  const { state: result, pending, formRef, onSubmit } = useFormAction<ImportFormResult>(postImport, null, (r) => r?.ok === true);
  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <label className="block">
          <span className="font-medium text-slate-700">A folder of Markdown or HTML files</span>
          {/* webkitdirectory: the browser uploads every file in the chosen folder. */}
          <input type="file" name="files" multiple {...{ webkitdirectory: '' }} className="mt-1 block" />
        </label>
        <label className="block">
          <span className="font-medium text-slate-700">Or files: .md, .html, or a Zendesk Guide / Help Scout Docs JSON export</span>
          <input type="file" name="files" multiple accept=".md,.markdown,.html,.htm,.json" className="mt-1 block" />
        </label>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Importing…' : 'Import'}
        </Button>
      </form>
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Imported {result.created.length} article(s): {result.created.join(', ')}.
        </p>
      ) : null}
      {result && !result.ok ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">Nothing was imported. Fix these and upload again:</p>
          <ul className="mt-1 list-disc pl-5">
            {result.problems.map((problem, index) => (
              <li key={index}>
                <span className="font-mono">{problem.file}</span>, line {problem.line}: {problem.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
