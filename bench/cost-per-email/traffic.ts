import type { ScenarioCost } from './scenarios';

/**
 * What caching is worth at a given mail rate. With mail arriving at random (Poisson, λ per
 * hour), a request finds the prefix still cached when the previous one came within the TTL
 * (reads refresh it): P(hit) = 1 - e^(-λ·TTL). An email then costs the warm price on a hit and
 * the cold price (the prefix written again) on a miss. Measured warm and cold prices, modelled
 * arrival rates.
 */
export interface TrafficRow {
  emailsPerHour: number;
  hit5m: number;
  perEmail5mUsd: number;
  hit1h: number;
  perEmail1hUsd: number;
}

const TTL_HOURS = { '5m': 5 / 60, '1h': 1 } as const;

export function trafficModel(cached5m: ScenarioCost, cached1h: ScenarioCost, rates: readonly number[]): TrafficRow[] {
  return rates.map((emailsPerHour) => {
    const hit5m = 1 - Math.exp(-emailsPerHour * TTL_HOURS['5m']);
    const hit1h = 1 - Math.exp(-emailsPerHour * TTL_HOURS['1h']);
    return {
      emailsPerHour,
      hit5m,
      perEmail5mUsd: hit5m * cached5m.laterEmailsMeanUsd + (1 - hit5m) * cached5m.firstEmailUsd,
      hit1h,
      perEmail1hUsd: hit1h * cached1h.laterEmailsMeanUsd + (1 - hit1h) * cached1h.firstEmailUsd,
    };
  });
}

export function renderTraffic(rows: readonly TrafficRow[], uncached: ScenarioCost): string {
  const usd = (value: number) => `$${value.toFixed(5)}`;
  const pct = (value: number) => `${(value * 100).toFixed(0)}%`;
  const lines = rows.map(
    (row) =>
      `  ${String(row.emailsPerHour).padStart(4)}/h   5m TTL: ${pct(row.hit5m).padStart(4)} warm ${usd(row.perEmail5mUsd)}` +
      `   1h TTL: ${pct(row.hit1h).padStart(4)} warm ${usd(row.perEmail1hUsd)}   vs (${uncached.scenario.id}) ${usd(uncached.meanPerEmailUsd)}`,
  );
  return ['cost per email of (a) by mail rate (Poisson arrivals; measured warm/cold prices):', ...lines].join('\n');
}
