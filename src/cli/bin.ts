#!/usr/bin/env node
// The `athanor` executable: everything happens in main(), which returns the exit code.
import { useOwnPackageAsFallback } from "../scripts/typescript-loader.js";
import { main } from "./main.js";

// A global install or `npx athanor` runs in projects that have not installed athanor:
// their config, models and revisions get this package when they import "athanor".
useOwnPackageAsFallback();

// `athanor history | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
