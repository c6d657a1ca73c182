// athanor's configuration: the schema, defineConfig for config files, and the loader
// that merges overrides, the environment, the config file and secrets/.env.
export { defineConfig, configSchema, type AthanorConfigInput, type AthanorSettings } from "./config-schema.js";
export { loadConfig, type AthanorConfig, type LoadConfigOptions, type DatabaseUrlSource, type DatabaseUrlOrigin } from "./load-config.js";
export { formatDuration, parseDuration } from "./duration.js";
