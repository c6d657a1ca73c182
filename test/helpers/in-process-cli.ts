// Runs an `athanor` command in this process, the way bin.ts does but with stdout and
// stderr captured: for tests that run a command hundreds of times, where a process per
// run would take minutes. The working directory is switched for the run and restored.
import { Writable } from "node:stream";
import { main } from "../../src/cli/main.js";

export interface InProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += typeof chunk === "string" ? chunk : chunk.toString("utf8");
    done();
  }
}

/** Runs `athanor ...argv` in `cwd`; the exit code is what main() returns. */
export async function runInProcess(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<InProcessResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(argv, { stdout, stderr, env: { ...process.env, NO_COLOR: "1", ...env } });
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    process.chdir(previous);
  }
}
