// The extension's settings, and what the server is told of them.
// No `vscode` import: the unit tests run this module under plain node.

/** The `kqllint.*` settings, with their defaults filled in. */
export interface Settings {
  readonly path: readonly string[];
  readonly interpreter: readonly string[];
  readonly select: readonly string[];
  readonly ignore: readonly string[];
  readonly extendSelect: readonly string[];
  readonly unsafeFixes: boolean;
}

export const DEFAULTS: Settings = { path: [], interpreter: [], select: [], ignore: [], extendSelect: [], unsafeFixes: false };

/** Something that answers `get(key)` the way `vscode.WorkspaceConfiguration` does. */
export interface ConfigurationLike {
  get(key: string): unknown;
}

/** The settings from a configuration section; a value of the wrong type is the default. */
export function readSettings(config: ConfigurationLike): Settings {
  return {
    path: strings(config.get("path")),
    interpreter: strings(config.get("interpreter")),
    select: strings(config.get("select")),
    ignore: strings(config.get("ignore")),
    extendSelect: strings(config.get("extendSelect")),
    unsafeFixes: config.get("unsafeFixes") === true,
  };
}

/** A list of non-blank strings; a single string (an older settings file) counts as a list of one. */
function strings(value: unknown): string[] {
  const items = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  return items.filter((item): item is string => typeof item === "string" && item.trim() !== "").map((s) => s.trim());
}

/**
 * What the server is told of the settings (`initializationOptions`, then
 * `workspace/didChangeConfiguration`): the CLI's `--select`, `--ignore`, `--extend-select` and
 * `--unsafe-fixes`, which the server lays over each file's configuration as the CLI does.
 */
export interface ServerOptions {
  readonly select: readonly string[];
  readonly ignore: readonly string[];
  readonly extendSelect: readonly string[];
  readonly unsafeFixes: boolean;
}

export function serverOptions(settings: Settings): ServerOptions {
  const { select, ignore, extendSelect, unsafeFixes } = settings;
  return { select: [...select], ignore: [...ignore], extendSelect: [...extendSelect], unsafeFixes };
}

/** Whether a change of settings needs another server (another kqllint), rather than new options. */
export function needsRestart(before: Settings, after: Settings): boolean {
  return !sameList(before.path, after.path) || !sameList(before.interpreter, after.interpreter);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
