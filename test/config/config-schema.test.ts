import assert from "node:assert/strict";
import { test } from "node:test";
import { configSchema, defaultSettings } from "../../src/config/config-schema.js";

test("the settings used when nothing is configured are exactly what the schema gives for {}", () => {
  assert.deepEqual(defaultSettings(), configSchema().parse({}));
});

test("the defaults are a fresh object each time: a caller changing one changes nothing else", () => {
  const first = defaultSettings();
  first.versionLocations.push("elsewhere");
  assert.deepEqual(defaultSettings().versionLocations, ["versions"]);
});
