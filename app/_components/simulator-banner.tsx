import { connection } from 'next/server';
import { env } from '@/lib/platform/config/env';

/**
 * Shown on every page while Claude is the offline simulator, so nobody mistakes a
 * simulated draft for a real one. Read per request: the same build runs either way.
 */
export async function SimulatorBanner() {
  await connection();
  if (!env().CLAUDE_SIMULATOR) return null;
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-900">
      Offline Claude simulator — replies are simulated. Set ANTHROPIC_API_KEY to use the real API.
    </div>
  );
}
