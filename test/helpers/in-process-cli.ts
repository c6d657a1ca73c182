// Runs an `athanor` command inside the test process: the same main() bin.ts calls, with
// stdout and stderr captured and the exit code returned, in a project directory. A CLI
// process costs ~0.3 s to start; a fuzz test of thousands of arguments cannot pay that
// each time. What a separate process would not share is reset around each run: the
// working directory and the environment (no DATABASE_URL, no colour).
//
// One run at a time: the working directory and process.env belong to the whole process.
// Test files run in processes of their own (node --test), so this is safe there.
import { Writable } from "node:stream";
import { main } from "../../src/cli/main.js";

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Characters written, also those past the captured limit. */
  stdoutLength: number;
  stderrLength: number;
}

export interface InProcessOptions {
  /** The project directory the command runs in. */
  cwd: string;
  /** Added to (or, with undefined, removed from) the environment for this run. */
  env?: Record<string, string | undefined>;
  /** Keep at most this many characters of each stream (default 1,000,000); the lengths count everything. */
  captureLimit?: number;
  /** Fail the run (code -1, "timed out" on stderr) when it takes longer (default 30 s). */
  timeoutMs?: number;
}

// What a child process would not inherit from the test runner (run-cli.ts scrubs the same).
const scrubbed = ["DATABASE_URL", "TEST_DATABASE_URL", "FORCE_COLOR", "CI"];

class Capture extends Writable {
  text = "";
  length = 0;
  constructor(private readonly limit: number) {
    super({ decodeStrings: false });
  }
  override _write(chunk: unknown, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
    this.length += text.length;
    if (this.text.length < this.limit) this.text += text.slice(0, this.limit - this.text.length);
    done();
  }
}

/**
 * The arguments as a process would receive them: the OS passes bytes, so a NUL cannot be
 * passed at all, nor more than 128 KiB in one, and a lone surrogate arrives as U+FFFD.
 */
export function asProcessArgument(arg: string): string {
  if (arg.includes("\0")) throw new Error(`an argument cannot contain NUL: ${JSON.stringify(arg.slice(0, 40))}`);
  // Linux's MAX_ARG_STRLEN: spawn fails with E2BIG on a longer argument.
  if (Buffer.byteLength(arg) > 131_071) throw new Error(`an argument cannot be longer than 128 KiB (${Buffer.byteLength(arg)} bytes)`);
  return Buffer.from(arg, "utf8").toString("utf8");
}

let queue: Promise<unknown> = Promise.resolve();

/** `athanor <args>` in `options.cwd`, in this process. */
export function runInProcess(args: readonly string[], options: InProcessOptions): Promise<InProcessResult> {
  const run = queue.then(() => runNow(args.map(asProcessArgument), options));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(args: readonly string[], options: InProcessOptions): Promise<InProcessResult> {
  const limit = options.captureLimit ?? 1_000_000;
  const stdout = new Capture(limit);
  const stderr = new Capture(limit);
  const savedCwd = process.cwd();
  const savedEnv = { ...process.env };
  const savedExitCode = process.exitCode;
  for (const name of scrubbed) delete process.env[name];
  process.env.NO_COLOR = "1";
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  process.chdir(options.cwd);
  let timer: NodeJS.Timeout | undefined;
  let code: number;
  try {
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        stderr.write(`in-process run timed out after ${options.timeoutMs ?? 30_000} ms\n`);
        resolve(-1);
      }, options.timeoutMs ?? 30_000);
    });
    const env = { ...process.env };
    code = await Promise.race([main(args, { stdout, stderr, env, colorDepth: 1 }), timeout]);
  } catch (error) {
    // bin.ts does not catch: Node would print the uncaught error with its stack and exit 1.
    stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    code = 1;
  } finally {
    clearTimeout(timer);
    process.chdir(savedCwd);
    for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
    Object.assign(process.env, savedEnv);
    process.exitCode = savedExitCode;
  }
  // A write whose stream was busy completes on a later tick: let every one land.
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text, stderr: stderr.text, stdoutLength: stdout.length, stderrLength: stderr.length };
}
