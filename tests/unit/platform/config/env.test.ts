import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/platform/config/env';

describe('parseEnv', () => {
  it('gives a working local setup with no variables at all', () => {
    const config = parseEnv({});
    expect(config.PORT).toBe(3000);
    // Unset: `npm start` runs an embedded PostgreSQL and sets it for its children.
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.EMBEDDED_POSTGRES_PORT).toBe(0);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.TEMPORAL_ADDRESS).toBeUndefined();
    expect(config.TEMPORAL_NAMESPACE).toBe('default');
    expect(config.TEMPORAL_TASK_QUEUE).toBe('countersign');
    expect(config.SMTP_URL).toBe('smtp://127.0.0.1:1025');
    expect(config.ANTHROPIC_API_KEY).toBeUndefined();
    expect(config.CLAUDE_SIMULATOR).toBe(false);
  });

  it('names PORT when it is not a port number', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('names every bad variable at once', () => {
    const error = captureError(() => parseEnv({ PORT: 'x', TEMPORAL_TLS: 'maybe' }));
    expect(error.message).toMatch(/PORT/);
    expect(error.message).toMatch(/TEMPORAL_TLS/);
  });

  it('coerces numbers', () => {
    expect(parseEnv({ PORT: '3100', AUTO_SEND_MIN_CONFIDENCE: '0.9' })).toMatchObject({
      PORT: 3100,
      AUTO_SEND_MIN_CONFIDENCE: 0.9,
    });
  });

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['on', true],
    ['false', false],
    ['0', false],
    ['no', false],
    ['off', false],
  ])('reads the boolean %s as %s', (raw, expected) => {
    expect(parseEnv({ CLAUDE_SIMULATOR: raw }).CLAUDE_SIMULATOR).toBe(expected);
  });

  it('rejects booleans it cannot read, naming the variable', () => {
    expect(() => parseEnv({ AUTO_SEND_ENABLED: 'sure' })).toThrow(/AUTO_SEND_ENABLED/);
  });

  it('treats an empty string as "use the default"', () => {
    const config = parseEnv({ PORT: '', TEMPORAL_ADDRESS: '', ANTHROPIC_API_KEY: '', AUTO_SEND_ENABLED: '' });
    expect(config.PORT).toBe(3000);
    expect(config.TEMPORAL_ADDRESS).toBeUndefined();
    expect(config.ANTHROPIC_API_KEY).toBeUndefined();
    expect(config.AUTO_SEND_ENABLED).toBe(true);
  });

  it('splits comma lists', () => {
    expect(parseEnv({ AUTO_SEND_CATEGORIES: 'account, orders,,' }).AUTO_SEND_CATEGORIES).toEqual(['account', 'orders']);
  });

  it('requires a PostgreSQL URL for DATABASE_URL', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://cs:pw@db.internal:5432/countersign' }).DATABASE_URL).toBe('postgres://cs:pw@db.internal:5432/countersign');
    expect(parseEnv({ DATABASE_URL: 'postgresql://db.internal/countersign?sslmode=require' }).DATABASE_URL).toContain('sslmode=require');
    expect(() => parseEnv({ DATABASE_URL: 'file:./data/countersign.db' })).toThrow(/DATABASE_URL: must be a PostgreSQL URL/);
  });
});

function captureError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a throw');
}

describe('derived defaults', () => {
  it('points the Temporal UI link at the dev server UI port unless TEMPORAL_UI_URL is set', () => {
    expect(parseEnv({ TEMPORAL_DEV_UI_PORT: '18233' }).TEMPORAL_UI_URL).toBe('http://localhost:18233');
    expect(parseEnv({ TEMPORAL_UI_URL: 'https://cloud.temporal.io' }).TEMPORAL_UI_URL).toBe('https://cloud.temporal.io');
  });
});
