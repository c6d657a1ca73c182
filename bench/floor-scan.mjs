// The floor for reading a graph: a bare Node script that reads every file of versions/
// and finds its `export const revision` / `downRevision` lines with a regex, building
// nothing. athanor's `heads`/`history` cannot be faster than this; the target is 2x.
// Usage: node bench/floor-scan.mjs [versions-dir]   (default: ./versions)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? "versions";
const metadata = /^export const (revision|downRevision)\b[^=]*=\s*(.+?);?\s*$/gm;
let files = 0;
let fields = 0;
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith(".ts")) continue;
  const text = readFileSync(path.join(dir, name), "utf8");
  files++;
  for (const _ of text.matchAll(metadata)) fields++;
}
process.stdout.write(`${files} files, ${fields} metadata lines\n`);
