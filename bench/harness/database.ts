// Throwaway databases for the online benchmarks, driven through psql so that resetting
// one between runs is a plain synchronous call outside the timed region.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

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

/** Drops and recreates database `name` on the server: empty, or a copy of database `template`. */
export function recreateDatabase(serverUrl: string, name: string, template?: string): void {
  psql(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  psql(serverUrl, template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
}

/** Runs a script (any length: it goes to psql's stdin, not its argv) against `url`, output discarded. */
export function executeSql(url: string, sql: string): void {
  const result = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", "-"], { encoding: "utf8", input: sql });
  if (result.status !== 0) throw new Error(`psql failed on ${sql.slice(0, 80)}: ${result.stderr}`);
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

/**
 * The psql binary itself, for floors: on Debian `psql` on PATH is pg_wrapper, a Perl
 * script that picks a version and then execs the binary, ≈ 40 ms more per start. Falls
 * back to `psql` where there is no /usr/lib/postgresql.
 */
export function psqlBinary(): string {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return "psql";
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const found = versions.map((v) => path.join(root, v, "bin", "psql")).find((file) => existsSync(file));
  return found ?? "psql";
}
