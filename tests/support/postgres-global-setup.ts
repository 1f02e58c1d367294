import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../devstack/postgres/throwaway-postgres';
import { adminQuery, createMigratedDatabase } from './test-database';

/**
 * One PostgreSQL per test run (a throwaway embedded one, or TEST_DATABASE_URL's server when
 * set: a superuser URL such as postgres://postgres:pw@localhost:5432/postgres). The migrations
 * are applied once to a template; each test file copies it (tests/support/temp-db.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  const server: ThrowawayPostgres | undefined = external ? undefined : await startThrowawayPostgres();
  const adminUrl = external ?? server?.adminUrl ?? '';
  // Named per run, so two runs can share one TEST_DATABASE_URL server.
  const template = `countersign_template_${process.pid}_${Date.now()}`;
  await createMigratedDatabase(adminUrl, template);
  project.provide('databaseAdminUrl', adminUrl);
  project.provide('databaseTemplate', template);
  return async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => undefined);
    await server?.stop();
  };
}
