// Throwaway databases for the online benchmarks, driven through psql so that resetting
// one between runs is a plain synchronous call outside the timed region.
import { spawnSync } from "node:child_process";

function psql(url: string, sql: string): string {
  const result = spawnSync("psql", ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed on ${sql.slice(0, 80)}: ${result.stderr}`);
  return result.stdout;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and recreates database `name` on the server, empty. */
export function recreateDatabase(serverUrl: string, name: string): void {
  psql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  psql(serverUrl, `CREATE DATABASE "${name}"`);
}

/** Rows of a one-column query, as text. */
export function queryColumn(url: string, sql: string): string[] {
  return psql(url, sql)
    .split("\n")
    .filter((line) => line !== "");
}

export function serverVersion(url: string): string {
  return queryColumn(url, "SHOW server_version")[0]?.split(" ")[0] ?? "unknown";
}
