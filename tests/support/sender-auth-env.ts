/**
 * What the test run (vitest.config.ts) says about sender authentication, for the worker and
 * web processes a test spawns with an explicit environment: DNS answers from the zone file,
 * never the network, and the same allow rule as the test process itself.
 */
export function senderAuthEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['SENDER_AUTH_ZONE_FILE', 'VERIFIED_SENDER_ALLOW']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}
