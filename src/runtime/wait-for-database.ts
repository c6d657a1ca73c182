// Waiting for a server that is not up yet: in a container start the application (and its
// migration) often starts before the database accepts connections. Only failures that a
// starting server explains are retried (refused, unknown host, no answer, "starting up");
// a wrong password or database name fails at once. Each retry is one line on stderr.
import { isAthanorError } from "../errors.js";
import { formatDuration } from "../config/duration.js";

export interface WaitOptions {
  /** Milliseconds to keep trying; 0 or undefined: one attempt. */
  readonly waitMs: number | undefined;
  /** `host:port/db`, for the retry lines (never a password). */
  readonly description: string;
  readonly onNotice?: ((line: string) => void) | undefined;
  /** For tests of the schedule; default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}

// Driver codes and SQLSTATEs of a server that is not there yet, or still starting.
const retryable = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "57P03"]);

/** True for a connection failure that a server still starting would explain. */
export function isRetryableConnectFailure(error: unknown): boolean {
  if (!isAthanorError(error) || error.code !== "CONNECTION_FAILED") return false;
  const code = (error.details as { code?: unknown } | undefined)?.code;
  if (typeof code === "string") return retryable.has(code);
  return /no answer within|timed out|starting up|terminated unexpectedly/i.test(error.message);
}

/** The delay before try `n` (2, 3, …): 0.25 s doubling up to 5 s. */
export function backoffMs(n: number): number {
  return Math.min(5000, 250 * 2 ** Math.max(0, n - 2));
}

/**
 * Runs `open` until it succeeds, fails for a reason waiting cannot fix, or `waitMs` has
 * passed; then the last error is thrown as it is (it names the host, never the password).
 */
export async function withConnectRetry<T>(open: () => Promise<T>, options: WaitOptions): Promise<T> {
  const waitMs = options.waitMs ?? 0;
  if (waitMs <= 0) return open();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      const left = deadline - Date.now();
      if (!isRetryableConnectFailure(error) || left <= 0) throw error;
      const delay = Math.min(backoffMs(attempt + 1), left);
      const reason = (error as Error).message.replace(/^cannot connect to \S+: /, "");
      options.onNotice?.(
        `waiting for the database ${options.description} (try ${attempt} failed: ${reason}; next try in ${formatDuration(Math.max(1, Math.round(delay)))}, giving up in ${Math.ceil(left / 1000)}s)`,
      );
      await sleep(delay);
    }
  }
}
