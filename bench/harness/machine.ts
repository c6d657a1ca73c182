// Describes the machine a benchmark ran on, for the line under each results table:
// figures from different machines must never be compared as if they were one.
import { spawnSync } from "node:child_process";
import os from "node:os";

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly node: string;
  readonly date: string;
  /** 1-minute load average when the benchmark started: others' work skews wall times. */
  readonly load: number;
}

export function describeMachine(): Machine {
  const nproc = spawnSync("nproc", { encoding: "utf8" });
  const cpus = nproc.status === 0 ? Number(nproc.stdout.trim()) : os.availableParallelism();
  return {
    cpus,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    load: os.loadavg()[0] ?? 0,
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  };
}

export function machineLine(machine: Machine, extra: readonly string[] = []): string {
  return [
    `nproc ${machine.cpus}`,
    `CPU ${machine.cpuModel}`,
    `${machine.memoryGb} GB RAM`,
    `Node ${machine.node}`,
    ...extra,
    `load ${machine.load.toFixed(1)} at start`,
    machine.date,
  ].join(" · ");
}
