// `npm run bench [-- <name> [options]]`: runs every benchmark with its defaults, or the
// named one with the options that follow. Each writes its table into bench/README.md.
import { runAutogenerateNoop } from "./autogenerate-noop.js";
import { runEmbeddedStart } from "./embedded-start.js";
import { runGraphRead } from "./graph-read.js";
import { runLargeSqlRevision } from "./large-sql-revision.js";
import { runMultiTarget } from "./multi-target.js";
import { runOnlineUpgrade } from "./online-upgrade.js";
import { runRevisionTest } from "./revision-test.js";

const benchmarks: Record<string, (argv: string[]) => Promise<void>> = {
  "graph-read": runGraphRead,
  "online-upgrade": runOnlineUpgrade,
  "autogenerate-noop": runAutogenerateNoop,
  "large-sql-revision": runLargeSqlRevision,
  "embedded-start": runEmbeddedStart,
  "revision-test": runRevisionTest,
  "multi-target": runMultiTarget,
};

const [name, ...rest] = process.argv.slice(2);
if (name === undefined) {
  for (const run of Object.values(benchmarks)) await run([]);
} else {
  const run = benchmarks[name];
  if (!run) {
    process.stderr.write(`unknown benchmark "${name}"; choose one of: ${Object.keys(benchmarks).join(", ")}\n`);
    process.exit(2);
  }
  await run(rest);
}
