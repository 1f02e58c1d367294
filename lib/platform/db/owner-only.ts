import { chmodSync, existsSync, statSync } from 'node:fs';

/**
 * Customer mail lives in the database file: readable and writable by its owner only.
 * SQLite gives the -wal and -shm files the database's own mode, so they follow it.
 */
export function restrictToOwner(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    } catch (error) {
      console.warn(`Database: cannot restrict ${path} to its owner (${(error as Error).message})`);
    }
  }
}
