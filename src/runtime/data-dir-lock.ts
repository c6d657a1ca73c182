// PGlite runs Postgres inside this process: two processes opening one data directory
// would both write it and corrupt it. An exclusive OS lock on `<dataDir>.lock` (an
// open-file-description lock on Linux, flock on macOS, LockFileEx on Windows) keeps a
// second process out. The kernel holds it for the open file and drops it when the
// process dies, however it dies, so there is no stale lock to judge and the file is
// never deleted: deleting it would let two processes lock two different files.
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { hostname } from "node:os";
import path from "node:path";
import { errors } from "../error-factories.js";

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

export interface DataDirLockOptions {
  /** Milliseconds to wait for another process to finish; 0 = fail at once. */
  timeout: number;
  onNotice?: (message: string) => void;
}

interface FileLocks {
  tryLock(fd: number, options?: { shared?: boolean }): boolean;
  unlock(fd: number): void;
}

// A native addon (prebuilt for each platform in the package): Node has no file-lock API.
let fileLocks: FileLocks | undefined;
function locks(): FileLocks {
  fileLocks ??= createRequire(import.meta.url)("fs-native-extensions") as FileLocks;
  return fileLocks;
}

/** Takes the lock on `<dataDir>.lock`, waiting up to `timeout` for the process holding it. */
export async function lockDataDir(dataDir: string, options: DataDirLockOptions): Promise<DataDirLock> {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true, mode: 0o700 });
  // "a+": create if absent, never truncate on open: the holder's note stays readable.
  const fd = openSync(lockPath, "a+", 0o600);
  try {
    const deadline = Date.now() + options.timeout;
    let told = false;
    for (;;) {
      if (locks().tryLock(fd)) return held(fd, lockPath);
      const holder = readHolder(lockPath);
      if (Date.now() >= deadline) {
        throw errors.lockTimeout(`the PGlite database ${dataDir} is open in another process (${holder}; lock file ${lockPath})`, {
          hint: "wait for that process to finish (another athanor run, or your app using the same data directory), then try again, or raise lockTimeout; the lock ends when that process exits, so there is no file to delete",
          details: { lockFile: lockPath, holder },
        });
      }
      if (!told) {
        options.onNotice?.(`waiting for the PGlite database ${dataDir}, open in another process (${holder})`);
        told = true;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(50 + Math.floor(Math.random() * 50), deadline - Date.now()))));
    }
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The holder's own note: who to wait for. Only a note: the OS lock decides. */
function readHolder(lockPath: string): string {
  let text = "";
  try {
    text = readFileSync(lockPath, "utf8");
  } catch {
    // Windows keeps a locked file's bytes from other processes.
  }
  const note = /^pid (\d+) on (\S+)(?: since (\S+))?/.exec(text.trim());
  if (note === null) return "process unknown";
  return `pid ${note[1]} on ${note[2]}${note[3] === undefined ? "" : `, since ${note[3]}`}`;
}

function held(fd: number, lockPath: string): DataDirLock {
  try {
    ftruncateSync(fd, 0);
    writeSync(fd, `pid ${process.pid} on ${hostname()} since ${new Date().toISOString()}\n`);
  } catch {
    // The note is for people; the lock holds without it.
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      ftruncateSync(fd, 0);
      locks().unlock(fd);
    } finally {
      closeSync(fd);
    }
  };
  return { path: lockPath, release };
}
