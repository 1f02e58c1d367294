import type { KnowledgeRef } from '@/lib/read/conversation/json-fields';

/** The knowledge articles the draft drew on, so the agent can check the facts it cites. */
export function KnowledgeUsed({ knowledge }: { knowledge: KnowledgeRef[] }) {
  return (
    <section aria-labelledby="knowledge-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="knowledge-heading" className="text-sm font-semibold">
        Knowledge used
      </h2>
      {knowledge.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">The draft cites no knowledge article.</p>
      ) : (
        <ul className="mt-2 space-y-1.5 text-sm">
          {knowledge.map((article) => (
            <li key={article.slug}>
              <span className="font-medium text-slate-800">{article.title ?? article.slug}</span>
              {article.title ? <span className="ml-1 font-mono text-xs text-slate-400">{article.slug}</span> : null}
              {article.excerpt ? <p className="text-xs text-slate-600">{article.excerpt}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
