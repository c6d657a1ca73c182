// Serialises the commands that write revision files (revision, merge, generate) in one
// project: choosing a new id ("one more than the highest" for sequential ids) and writing
// its file must be one step, or two writers started at once both take the same id.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { errors } from "../error-factories.js";

/** Dot-prefixed, so the revision scanner never reads it. */
export const AUTHORING_LOCK_NAME = ".athanor-revision.lock";

/** A lock older than this is left over from a killed writer: writing one file takes milliseconds. */
const STALE_AFTER_MS = 30_000;

/**
 * Runs `write` while holding a lock file in `directory`. When the lock cannot be created
 * for another reason than "held" (no directory, no permission), `write` runs anyway and
 * reports that problem itself, with its own message.
 */
export function withAuthoringLock<T>(directory: string, write: () => T, timeoutMs = 10_000): T {
  const lockPath = path.join(directory, AUTHORING_LOCK_NAME);
  const deadline = Date.now() + timeoutMs;
  let fd: number | undefined;
  for (;;) {
    try {
      fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") return write();
    }
    if (removeIfStale(lockPath)) continue;
    if (Date.now() > deadline) {
      throw errors.lockTimeout(`another athanor command has been writing a revision in ${directory} for ${timeoutMs} ms (lock file ${lockPath})`, {
        hint: `wait for it to finish; if no athanor command is running, delete ${lockPath}`,
      });
    }
    sleep(25);
  }
  try {
    return write();
  } finally {
    closeSync(fd);
    try {
      unlinkSync(lockPath);
    } catch {
      // already gone: nothing to release
    }
  }
}

/** True when the lock's writer is gone (its pid no longer runs, or the file is old); the lock is then removed. */
function removeIfStale(lockPath: string): boolean {
  try {
    const pid = Number(readFileSync(lockPath, "utf8").trim());
    const old = Date.now() - statSync(lockPath).mtimeMs > STALE_AFTER_MS;
    if (!old && (!Number.isInteger(pid) || pid <= 0 || isRunning(pid))) return false;
    unlinkSync(lockPath);
    return true;
  } catch {
    // Released (or replaced) between our attempts: try again.
    return true;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A synchronous pause: the writers are synchronous, and a CLI waiting for a lock has nothing else to do. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
