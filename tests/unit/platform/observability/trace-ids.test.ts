import { createTraceId } from '@langfuse/tracing';
import { describe, expect, it } from 'vitest';
import { isTraceId, scoreIdFor, traceIdFor } from '../../../../lib/platform/observability/trace-ids';
import { langfuseTraceUrl } from '../../../../lib/platform/observability/trace-url';

describe('traceIdFor', () => {
  it('derives the same 32-hex trace id from the same workflow and message, every time', () => {
    const id = traceIdFor({ workflowId: 'conversation-c1', messageId: 'm1' });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(traceIdFor({ workflowId: 'conversation-c1', messageId: 'm1' })).toBe(id);
    expect(isTraceId(id)).toBe(true);
  });

  it('gives each message of a conversation its own trace', () => {
    const ids = new Set(['m1', 'm2', 'm3'].map((messageId) => traceIdFor({ workflowId: 'conversation-c1', messageId })));
    expect(ids.size).toBe(3);
  });

  it('matches LangFuse’s own seeded createTraceId, so SDK users can derive it too', async () => {
    expect(traceIdFor({ workflowId: 'wf', messageId: 'msg' })).toBe(await createTraceId('wf:msg'));
  });

  it('keys scores by trace and name', () => {
    expect(scoreIdFor('a'.repeat(32), 'decision')).toBe(scoreIdFor('a'.repeat(32), 'decision'));
    expect(scoreIdFor('a'.repeat(32), 'decision')).not.toBe(scoreIdFor('a'.repeat(32), 'edit_size'));
  });
});

describe('langfuseTraceUrl', () => {
  const traceId = '0123456789abcdef0123456789abcdef';

  it('links through LangFuse’s /trace redirect when no project id is configured', () => {
    expect(langfuseTraceUrl('https://cloud.langfuse.com/', traceId)).toBe(`https://cloud.langfuse.com/trace/${traceId}`);
  });

  it('links to the project’s trace page when a project id is configured', () => {
    expect(langfuseTraceUrl('https://langfuse.example.com', traceId, 'cm123proj')).toBe(
      `https://langfuse.example.com/project/cm123proj/traces/${traceId}`,
    );
  });
});
