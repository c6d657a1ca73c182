// PGlite runs Postgres inside this process: two processes opening one data directory
// would both write it and corrupt it. A lock file next to the directory (created with
// O_EXCL, holding our pid) keeps a second process out; a lock whose pid is dead is stale.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import path from "node:path";
import { AthanorError } from "../graph/errors.js";

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

export interface DataDirLockOptions {
  /** Milliseconds to wait for another process to finish; 0 = fail at once. */
  timeout: number;
  onNotice?: (message: string) => void;
}

/** Takes `<dataDir>.lock`, waiting up to `timeout` for a live holder to let go. */
export async function lockDataDir(dataDir: string, options: DataDirLockOptions): Promise<DataDirLock> {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  const deadline = Date.now() + options.timeout;
  let told = false;
  for (;;) {
    if (tryCreate(lockPath)) return held(lockPath);
    const holder = readHolder(lockPath);
    if (holder !== undefined && !isAlive(holder)) {
      rmSync(lockPath, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new AthanorError("LOCK_TIMEOUT", `the PGlite database ${dataDir} is in use by process ${holder ?? "?"} (lock file ${lockPath})`, {
        hint: `wait for that process to finish, or raise lockTimeout; delete ${lockPath} only if no athanor process is running`,
        details: { lockFile: lockPath, pid: holder },
      });
    }
    if (!told) {
      options.onNotice?.(`waiting for process ${holder ?? "?"}, which is using the PGlite database ${dataDir}`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function tryCreate(lockPath: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return true;
}

function readHolder(lockPath: string): number | undefined {
  try {
    const pid = Number(readFileSync(lockPath, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function held(lockPath: string): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    rmSync(lockPath, { force: true });
  };
  // A process that exits without closing still frees the lock for the next one.
  process.on("exit", release);
  return { path: lockPath, release };
}
