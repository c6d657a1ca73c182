// Records every table() call made while model modules load, with the file and line of
// the call, so loadModels can warn about a table that was declared but not exported
// (autogenerate only sees exports) without running the modules a second time. The
// recorder sits on globalThis under a registered symbol: a project's models use their
// own copy of athanor's DSL, which must find the recorder the CLI's copy installed.

const recorderKey = Symbol.for("athanor.declaredTables");

/** A table() call seen while a recorder was installed. */
export interface Declaration {
  readonly table: object;
  /** `file:line` of the call in the project's code, when the stack shows it. */
  readonly site: string | undefined;
}

type Recorder = (declaration: Declaration) => void;

// The package's own files, built (dist/) or, through source maps, as written (src/).
const packageRoot = new URL("../..", import.meta.url).href;
const ownDirs = [`${packageRoot}dist/`, `${packageRoot}src/`];

/** The first stack frame outside athanor's own files: the user's table() call. */
function callSite(): string | undefined {
  const stack = new Error().stack?.split("\n").slice(1) ?? [];
  for (const frame of stack) {
    const match = /\(?((?:file:\/\/)?\/[^()\s]*?):(\d+):\d+\)?\s*$/.exec(frame);
    if (!match) continue;
    const file = match[1]!.startsWith("file://") ? match[1]! : `file://${match[1]}`;
    if (ownDirs.some((dir) => file.startsWith(dir))) continue;
    return `${decodeURIComponent(file.slice("file://".length))}:${match[2]}`;
  }
  return undefined;
}

/** Called by table(): tells the installed recorder, if any, about a new table. */
export function recordDeclaration(table: object): void {
  const recorder = (globalThis as Record<symbol, Recorder | undefined>)[recorderKey];
  if (recorder) recorder({ table, site: callSite() });
}

/** Runs `body` with a recorder installed; returns what it returns and the tables declared meanwhile. */
export async function watchDeclarations<T>(body: () => Promise<T>): Promise<{ result: T; declared: Declaration[] }> {
  const global = globalThis as Record<symbol, Recorder | undefined>;
  const previous = global[recorderKey];
  const declared: Declaration[] = [];
  global[recorderKey] = (d) => {
    declared.push(d);
    previous?.(d);
  };
  try {
    return { result: await body(), declared };
  } finally {
    global[recorderKey] = previous;
  }
}
