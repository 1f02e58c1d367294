import { getMirrorVersion } from '@/lib/read/inbox/get-mirror-version';
import { LiveRefreshClient } from '../../components/live-refresh-client';

/**
 * Keeps a server-rendered page current. Renders with the mirror version the page was built
 * from, so a change that lands between this render and the live stream's subscription is
 * not lost (the stream compares and ticks at once).
 */
export async function LiveRefresh() {
  return <LiveRefreshClient since={await getMirrorVersion()} />;
}
