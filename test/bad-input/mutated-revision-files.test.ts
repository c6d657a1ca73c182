// A seeded fuzz run: valid TypeScript and SQL revision files mutated (bytes flipped, the
// file cut short, lines deleted or doubled, quotes swapped, invalid UTF-8, line
// terminators JavaScript knows and huge ids), each read by `heads` and `upgrade --sql`
// in this process. Every run must end with an exit code from README's table; a refusal
// names the file at fault, never prints a stack trace or an internal error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, symlinkSync, mkdirSync, writeFileSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { seededRandom } from "../helpers/seeded-random.js";
import { runInProcess } from "../helpers/in-process-cli.js";
import { repoRoot } from "./cli-harness.js";
import { sqlRevision, tsRevision } from "./revision-sources.js";

const MUTATIONS = Number(process.env.ATHANOR_FUZZ_MUTATIONS ?? 1000);
const EXIT_CODES = new Set([0, 1, 2, 3, 4, 5]);
const INTERNAL = /TypeError|RangeError|ReferenceError|Cannot read propert|is not a function|is not iterable|\bundefined\b|\[object Object\]|\bNaN\b/;
const STACK = /^\s+at .+:\d+(?::\d+)?\)?$/m;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const ORIGINALS = {
  base: { ext: "ts", text: tsRevision({ id: "0001", down: null, message: "create ran", up: ["CREATE TABLE ran (revision text NOT NULL)"] }) },
  sql: { ext: "sql", text: sqlRevision({ id: "0002", down: "0001" }) },
  ts: { ext: "ts", text: tsRevision({ id: "0003", down: "0002", message: "third" }) },
} as const;

function mutate(random: Random, original: string): Buffer {
  const bytes = Buffer.from(original, "utf8");
  const at = Math.floor(random() * bytes.length);
  const lines = original.split("\n");
  const line = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 9)) {
    case 0: {
      const copy = Buffer.from(bytes);
      copy[at] = Math.floor(random() * 256);
      return copy;
    }
    case 1:
      return bytes.subarray(0, at);
    case 2:
      return Buffer.from(lines.filter((_, i) => i !== line).join("\n"));
    case 3:
      return Buffer.from([...lines.slice(0, line + 1), lines[line], ...lines.slice(line + 1)].join("\n"));
    case 4: {
      const quotes = [...original.matchAll(/["'`]/g)];
      const q = quotes.length === 0 ? undefined : pick(random, quotes);
      if (q === undefined) return bytes;
      return Buffer.from(
        original.slice(0, q.index) +
          pick(
            random,
            ['"', "'", "`"].filter((c) => c !== q[0]),
          ) +
          original.slice(q.index + 1),
      );
    }
    case 5:
      return Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from(pick(random, [[0xff], [0xc3], [0xe2, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]])),
        bytes.subarray(at),
      ]);
    case 6:
      return Buffer.from(original.slice(0, at) + pick(random, ["\r", "\u2028", "\u2029", "\r\n", "\\", "/", "/*", "${", "}"]) + original.slice(at));
    case 7: {
      const huge = pick(random, ["x", "9", "é"]).repeat(pick(random, [100, 100_000, 1_000_000]));
      return Buffer.from(original.replace(/0001|0002|0003/, huge));
    }
    default:
      return Buffer.from(original.replaceAll("\n", pick(random, ["\r", "\r\n", "\u2028"])));
  }
}

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "athanor-mutated-"));
  mkdirSync(path.join(dir, "versions"));
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(repoRoot, path.join(dir, "node_modules", "athanor"), "dir");
  return dir;
}

test(`${MUTATIONS} mutated revision files: heads and upgrade --sql refuse with an exit code from the table, naming the file, no stack trace`, async () => {
  const random = seededRandom(18_1000);
  const dir = project();
  const problems: string[] = [];
  try {
    for (let i = 0; i < MUTATIONS && problems.length < 5; i++) {
      const versions = path.join(dir, "versions");
      for (const name of readdirSync(versions)) unlinkSync(path.join(versions, name));
      const target = pick(random, ["base", "sql", "ts"] as const);
      // One to three mutations on top of each other.
      let mutated = mutate(random, ORIGINALS[target].text);
      for (let more = Math.floor(random() * 3); more > 0; more--) mutated = mutate(random, mutated.toString("utf8"));
      // A new file name each time: tsx caches a module by its path.
      let mutatedName = "";
      for (const [key, { ext, text }] of Object.entries(ORIGINALS)) {
        const name = `20250101_${key}_m${i}.${ext}`;
        writeFileSync(path.join(versions, name), key === target ? mutated : text);
        if (key === target) mutatedName = `versions/${name}`;
      }
      for (const argv of [["heads"], ["upgrade", "--sql", "head"]]) {
        const result = await runInProcess(argv, { cwd: dir });
        const output = result.stdout + result.stderr;
        const what = `mutation ${i} of ${target} (${JSON.stringify(mutated.toString("utf8").slice(0, 300))}), athanor ${argv.join(" ")}: exit ${result.code}\n${result.stderr.slice(0, 600)}`;
        if (!EXIT_CODES.has(result.code)) problems.push(`an exit code not in the table: ${what}`);
        else if (STACK.test(output)) problems.push(`a stack trace: ${what}`);
        else if (INTERNAL.test(result.stderr) || INTERNAL.test(result.stdout)) problems.push(`an internal error: ${what}`);
        else if (result.code !== 0 && !result.stderr.includes(mutatedName) && !/versions\/20250101_/.test(result.stderr))
          problems.push(`a refusal naming no file: ${what}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(problems, []);
});
