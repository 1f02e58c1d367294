// Public surface of the offline Claude simulator.
export { startClaudeSimulator } from './server';
export type {
  ClaudeSimulator,
  ClaudeSimulatorOptions,
  ErrorKind,
  FaultConfig,
  SimulatorRequestRecord,
  SimulatorStats,
} from './server';
export { DEFAULT_FAULTS, ERROR_KINDS } from './faults';
