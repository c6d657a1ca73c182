// Before `npm start`: builds dist/ when it is missing or older than a source file. A fresh
// clone has no dist/ (installs from the registry get it packed, so `npm install` no longer
// builds), and an up-to-date one should start without paying for a build.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

let built = 0;
try {
  built = statSync(path.join(root, "dist", "cli", "bin.js")).mtimeMs;
} catch {
  // Not built yet.
}
const sources = Math.max(newest(path.join(root, "src")), statSync(path.join(root, "package.json")).mtimeMs);
if (built < sources) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "build"], { cwd: root, stdio: "inherit" });
  process.exit(result.status ?? 1);
}
