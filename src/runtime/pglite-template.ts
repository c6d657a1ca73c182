// A new embedded database starts from a template: PGlite's initdb runs in WebAssembly
// and takes seconds, while unpacking the tarball of a freshly initialised cluster takes
// a fraction of that. The first new database on a machine runs initdb as before and
// saves that cluster (before anything else touches it) as the template; every later new
// data directory, and every pglite://memory database, is unpacked from it.
//
// The template is keyed by the PGlite package version (another version could lay out
// its files differently), lives in the user's cache (ATHANOR_CACHE_DIR, else
// $XDG_CACHE_HOME/athanor, else ~/.cache/athanor; ATHANOR_CACHE_DIR=off turns it off),
// is written to a temporary name and renamed (two processes may race; either copy is
// right), and is private (0700 directory, 0600 file). A template that cannot be read or
// loaded is deleted and initdb runs: the cache can only make a start faster.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

type PGliteModule = typeof import("@electric-sql/pglite");

/** Where the template for this PGlite version lives, or null when there is no cache. */
export function templatePath(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.ATHANOR_CACHE_DIR;
  if (configured === "off" || configured === "0" || configured === "") return null;
  const version = pgliteVersion();
  if (version === null) return null;
  const base = configured ?? path.join(env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "athanor");
  return path.join(base, `pglite-${version}-cluster.tar`);
}

let cachedVersion: string | null | undefined;

/** The installed PGlite's package version, read from its package.json (which it does not export). */
function pgliteVersion(): string | null {
  if (cachedVersion !== undefined) return cachedVersion;
  cachedVersion = null;
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
    for (let i = 0; i < 5 && cachedVersion === null; i++, dir = path.dirname(dir)) {
      const manifest = path.join(dir, "package.json");
      if (!existsSync(manifest)) continue;
      const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
      if (name === "@electric-sql/pglite" && typeof version === "string" && /^[\w.+-]+$/.test(version)) cachedVersion = version;
    }
  } catch {
    // Not resolvable from here (a bundler moved it): no template, initdb as always.
  }
  return cachedVersion;
}

/** A new data directory holds no cluster yet (PG_VERSION is the first file initdb writes). */
export function isNewDataDir(dataDir: string): boolean {
  return !existsSync(path.join(dataDir, "PG_VERSION"));
}

/**
 * Opens a new database (`dataDir` empty or absent, or null for memory) from the template
 * when there is one, else with initdb, saving the fresh cluster as the template.
 */
export async function createFromTemplate(PGliteClass: PGliteModule["PGlite"], dataDir: string | null, template: string | null): Promise<PGlite> {
  if (template !== null && existsSync(template)) {
    try {
      const loadDataDir = new Blob([readFileSync(template)]);
      return dataDir === null ? await PGliteClass.create({ loadDataDir }) : await PGliteClass.create(dataDir, { loadDataDir });
    } catch {
      // Unreadable or from a build that cannot load it: forget it, start clean.
      rmSync(template, { force: true });
      if (dataDir !== null) for (const entry of ["PG_VERSION", "base", "global"]) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    }
  }
  const db = dataDir === null ? await PGliteClass.create() : await PGliteClass.create(dataDir);
  if (template !== null) await saveTemplate(db, template);
  return db;
}

async function saveTemplate(db: PGlite, template: string): Promise<void> {
  try {
    // Uncompressed: 40 MB instead of 4.5, but dumped in a quarter of the time and unpacked
    // in half (0.3 s against 0.63 s here), and every later new database pays the unpacking.
    const dump = await db.dumpDataDir("none");
    const dir = path.dirname(template);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temporary = `${template}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, template);
  } catch {
    // A read-only home or a full disk: the next new database runs initdb again.
  }
}
