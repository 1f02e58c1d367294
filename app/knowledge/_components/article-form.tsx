'use client';

import { useState, useTransition } from 'react';
import { useFormAction } from '@/components/use-form-action';
import { Button } from '@/components/button';
import { previewMarkdownAction, saveArticleAction, type PreviewResult, type SaveArticleActionResult } from '../actions';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-slate-500 focus:outline-none';

interface Props {
  mode: 'create' | 'update';
  slug?: string;
  title?: string;
  body?: string;
  keywords?: string[];
}

/** Writes an article in Markdown, with a server-rendered preview; each save is a new version. */
export function ArticleForm({ mode, slug = '', title = '', body = '', keywords = [] }: Props) {
  const { state: result, pending, formRef, onSubmit } = useFormAction<SaveArticleActionResult>(saveArticleAction, null);
  const [text, setText] = useState(body);
  const [preview, setPreview] = useState<PreviewResult>(null);
  const [previewing, startPreview] = useTransition();
  const error = (field: string) => (result && !result.ok ? result.fieldErrors?.[field] : undefined);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" aria-label="Article">
      <input type="hidden" name="mode" value={mode} />
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="text-sm">
          <span className="font-medium text-slate-700">Slug</span>
          <input name="slug" defaultValue={slug} readOnly={mode === 'update'} required className={input} placeholder="e.g. refunds" />
          {error('slug') ? <span className="mt-1 block text-xs text-red-700">{error('slug')}</span> : null}
        </label>
        <label className="text-sm">
          <span className="font-medium text-slate-700">Title</span>
          <input name="title" defaultValue={title} required className={input} />
          {error('title') ? <span className="mt-1 block text-xs text-red-700">{error('title')}</span> : null}
        </label>
      </div>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Text (Markdown)</span>
        <textarea name="body" value={text} onChange={(event) => setText(event.target.value)} rows={16} className={`${input} font-mono`} />
        {error('body') ? <span className="mt-1 block text-xs text-red-700">{error('body')}</span> : null}
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Keywords and other ways customers ask (one a line, optional)</span>
        <span className="block text-xs text-slate-500">Searched with the article, never shown to Claude: synonyms, product names, a question as customers word it.</span>
        <textarea name="keywords" defaultValue={keywords.join('\n')} rows={3} className={input} />
        {error('keywords') ? <span className="mt-1 block text-xs text-red-700">{error('keywords')}</span> : null}
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">What changed (optional)</span>
        <input name="note" className={input} />
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Saving…' : mode === 'create' ? 'Create article' : 'Save new version'}
        </Button>
        <Button
          disabled={previewing}
          onClick={() => startPreview(async () => setPreview(await previewMarkdownAction(null, { body: text })))}
        >
          {previewing ? 'Rendering…' : 'Preview'}
        </Button>
        {result?.ok ? (
          <p role="status" className="text-sm text-emerald-700">
            {result.data.outcome === 'unchanged' ? 'No change: the text is the same as the current version.' : `Saved as version ${result.data.version}.`}
            {result.data.staleDrafts > 0 ? ` ${result.data.staleDrafts} pending draft(s) that cited it were flagged.` : ''}
          </p>
        ) : null}
        {result && !result.ok && !result.fieldErrors ? (
          <p role="alert" className="text-sm text-red-700">
            {result.error}
          </p>
        ) : null}
      </div>
      {preview?.ok ? (
        // Rendered by marked on the server and sanitised there (lib/web/render-markdown.ts).
        <div aria-label="Preview" className="prose prose-sm max-w-none rounded-md border border-slate-200 bg-white p-4" dangerouslySetInnerHTML={{ __html: preview.data.html }} />
      ) : null}
    </form>
  );
}
