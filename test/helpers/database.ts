// Each integration test gets a database of its own on the suite's server, so test
// files can run in parallel. test/run.ts puts the server's URL in TEST_DATABASE_URL.
import { randomBytes } from "node:crypto";
import pg from "pg";

export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL;
}

/** True when a real PostgreSQL server is available; in CI its absence is a failure. */
export function requireServer(): string {
  const url = serverUrl();
  if (!url) throw new Error("no PostgreSQL server for the integration tests: run them through `npm test` or set TEST_DATABASE_URL");
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server. */
export async function createTestDatabase(prefix = "t"): Promise<TestDatabase> {
  const admin = requireServer();
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return {
    url: withDatabase(admin, name),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
