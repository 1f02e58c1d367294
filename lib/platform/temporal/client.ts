import 'server-only';

// The app's way to the process's Temporal client; the marker keeps it out of browser bundles.
export { getTemporalClient } from './shared-client';
