/** Prefixed, colored log lines so six interleaved processes stay readable in one terminal. */

const COLORS = {
  postgres: 96, // bright cyan
  temporal: 35, // magenta
  migrate: 34, // blue
  'claude-sim': 33, // yellow
  mail: 36, // cyan
  worker: 32, // green
  web: 94, // bright blue
  build: 90, // grey
  countersign: 1, // bold
} as const;

export type LogSource = keyof typeof COLORS;

export interface Logger {
  line(source: LogSource, text: string, stream?: 'out' | 'err'): void;
  info(text: string): void;
  error(text: string): void;
}

const WIDTH = Math.max(...Object.keys(COLORS).map((name) => name.length)) + 2;

export function createLogger({ color }: { color: boolean }): Logger {
  const prefix = (source: LogSource): string => {
    const label = `[${source}]`.padEnd(WIDTH);
    return color ? `\u001b[${COLORS[source]}m${label}\u001b[0m` : label;
  };
  const line = (source: LogSource, text: string, stream: 'out' | 'err' = 'out'): void => {
    const target = stream === 'err' ? process.stderr : process.stdout;
    for (const part of text.split('\n')) target.write(`${prefix(source)} ${part}\n`);
  };
  return {
    line,
    info: (text) => line('countersign', text),
    error: (text) => line('countersign', color ? `\u001b[31m${text}\u001b[0m` : text, 'err'),
  };
}
