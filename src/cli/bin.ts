#!/usr/bin/env node
// The `athanor` executable: everything happens in main(), which returns the exit code.
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2));
