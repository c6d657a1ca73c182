// Runs the built `athanor` executable the way a user does — in a project directory of
// its own, as a separate process — and captures what it printed and how it exited.
// Projects are temp directories with versions/ and node_modules/athanor -> this repo.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = path.join(repoRoot, "dist/cli/bin.js");

/** The tests run the built CLI; build it once when the suite was started without `npm run build`. */
export function ensureBuilt(): void {
  if (existsSync(bin)) return;
  const result = spawnSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "pipe", encoding: "utf8" });
  if (!existsSync(bin)) throw new Error(`npm run build did not produce ${bin}:\n${result.stdout}${result.stderr}`);
}

export interface Project {
  readonly dir: string;
  /** Writes (or overwrites) a file relative to the project directory. */
  write(relative: string, text: string): string;
  remove(): void;
}

/** A project directory: versions/ holding `files` (relative names), athanor resolvable. */
export function makeProject(files: Record<string, string> = {}): Project {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-bad-"));
  chmodSync(dir, 0o755);
  mkdirSync(path.join(dir, "versions"));
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(repoRoot, path.join(dir, "node_modules", "athanor"), "dir");
  const project: Project = {
    dir,
    write(relative, text) {
      const file = path.join(dir, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [name, text] of Object.entries(files)) project.write(name, text);
  return project;
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Run the CLI as this user (for permission cases: root reads every file). */
  as?: { uid: number; gid: number };
  /** Kill the CLI after this long (the test then fails on the exit code). */
  killAfterMs?: number;
}

/** `athanor <args>` in `dir`, with no DATABASE_URL inherited and no colour. */
export function runCli(dir: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== "DATABASE_URL" && key !== "TEST_DATABASE_URL" && !key.startsWith("NODE_TEST")) env[key] = value;
  }
  // node:test passes its own flags to children through NODE_OPTIONS; the CLI needs none.
  delete env.NODE_OPTIONS;
  Object.assign(env, { NO_COLOR: "1", HOME: dir }, options.env ?? {});
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.as ? { uid: options.as.uid, gid: options.as.gid } : {}),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.killAfterMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** An unprivileged user to run the CLI as when the tests run as root; undefined otherwise. */
export function unprivilegedUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  for (const name of ["nobody", "postgres"]) {
    const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
    if (uid.status === 0 && gid.status === 0) return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  return undefined;
}

/** Hands the project to `user` so a CLI running as that user can write where a user could. */
export function giveProjectTo(dir: string, user: { uid: number; gid: number }): void {
  spawnSync("chown", ["-R", "-h", `${user.uid}:${user.gid}`, dir]);
  chownSync(dir, user.uid, user.gid);
}
