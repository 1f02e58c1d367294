import type pg from 'pg';
import type { Database } from 'sql.js';
import { sqliteRows } from './open-sqlite';

/** The single-table knowledge of databases from before versioned articles (migration knowledge_articles). */
export const LEGACY_KNOWLEDGE_TABLE = 'KnowledgeArticle';

/**
 * Copies the old KnowledgeArticle rows as version 1 of an Article each, as the migration did
 * for PostgreSQL; the worker chunks and indexes them at its next start (seedKnowledge).
 */
export async function copyLegacyKnowledge(source: Database, client: pg.Client): Promise<number> {
  const rows = [...sqliteRows(source, `SELECT "id", "slug", "title", "body", "updatedAt" FROM "${LEGACY_KNOWLEDGE_TABLE}" ORDER BY rowid`)].map((row) => ({
    id: String(row.id),
    slug: String(row.slug),
    title: String(row.title),
    body: String(row.body),
    updatedAt: row.updatedAt,
  }));
  for (const row of rows) {
    // SQLite stored DateTime as epoch milliseconds (or an ISO string in older files).
    const updatedAt = new Date(typeof row.updatedAt === 'bigint' ? Number(row.updatedAt) : (row.updatedAt as string | number));
    await client.query(`INSERT INTO "Article" ("id", "slug", "title", "currentVersion", "source", "updatedAt") VALUES ($1, $2, $3, 1, 'dashboard', $4)`, [row.id, row.slug, row.title, updatedAt]);
    await client.query(`INSERT INTO "ArticleVersion" ("id", "articleId", "version", "title", "body", "createdAt") VALUES ($1, $2, 1, $3, $4, $5)`, [`${row.id}-v1`, row.id, row.title, row.body, updatedAt]);
  }
  return rows.length;
}
