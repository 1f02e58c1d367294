// Counts what the simulator was asked and how it answered, for tests and the control endpoint.

export type CallPurpose = 'classify' | 'draft' | 'verify' | 'ground' | 'select' | 'grade' | 'unknown';
export type CallStatus = number | 'timeout';

export interface SimulatorRequestRecord {
  at: string;
  purpose: CallPurpose;
  model: string | null;
  status: CallStatus;
}

export interface SimulatorStats {
  /** Requests answered (with a reply, an error or a timeout). */
  calls: number;
  byPurpose: { classify: number; draft: number; verify: number; ground: number; select: number; grade: number };
  /** Requests received, counted on arrival: includes calls whose client vanished mid-way. */
  receivedByPurpose: { classify: number; draft: number; verify: number; ground: number; select: number; grade: number };
  byStatus: Record<string, number>;
  /** Successful answers by stop_reason. */
  byStopReason: Record<string, number>;
  /** The most recent requests, oldest first. */
  requests: SimulatorRequestRecord[];
}

const KEPT_REQUESTS = 200;

export class StatsRecorder {
  private stats: SimulatorStats = StatsRecorder.empty();

  private static empty(): SimulatorStats {
    return {
      calls: 0,
      byPurpose: { classify: 0, draft: 0, verify: 0, ground: 0, select: 0, grade: 0 },
      receivedByPurpose: { classify: 0, draft: 0, verify: 0, ground: 0, select: 0, grade: 0 },
      byStatus: {},
      byStopReason: {},
      requests: [],
    };
  }

  received(purpose: CallPurpose): void {
    if (purpose !== 'unknown') this.stats.receivedByPurpose[purpose] += 1;
  }

  recordStop(stopReason: string): void {
    this.stats.byStopReason[stopReason] = (this.stats.byStopReason[stopReason] ?? 0) + 1;
  }

  record(entry: SimulatorRequestRecord): void {
    this.stats.calls += 1;
    if (entry.purpose !== 'unknown') this.stats.byPurpose[entry.purpose] += 1;
    const status = String(entry.status);
    this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
    this.stats.requests.push(entry);
    if (this.stats.requests.length > KEPT_REQUESTS) this.stats.requests.shift();
  }

  /** A copy: callers may keep it while the simulator goes on counting. */
  snapshot(): SimulatorStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = StatsRecorder.empty();
  }
}
