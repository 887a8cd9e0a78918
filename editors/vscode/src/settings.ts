// The extension's settings, read once per server start, and what they mean for the CLI.
// No `vscode` import: the unit tests run this module under plain node.

/** The `kqllint.*` settings, with their defaults filled in. */
export interface Settings {
  readonly path: readonly string[];
  readonly interpreter: readonly string[];
  readonly select: readonly string[];
  readonly ignore: readonly string[];
  readonly unsafeFixes: boolean;
}

export const DEFAULTS: Settings = { path: [], interpreter: [], select: [], ignore: [], unsafeFixes: false };

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
    unsafeFixes: config.get("unsafeFixes") === true,
  };
}

/** A list of non-blank strings; a single string (an older settings file) counts as a list of one. */
function strings(value: unknown): string[] {
  const items = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  return items.filter((item): item is string => typeof item === "string" && item.trim() !== "").map((s) => s.trim());
}

/**
 * The arguments after `kqllint` that fix a document read from stdin as the "Fix all" command
 * does: `kqllint check --fix`, with the same rule selection the editor shows, and the unsafe
 * fixes only when `kqllint.unsafeFixes` is on. The fixed text is printed on stdout.
 */
export function fixAllArgs(settings: Settings, fileName: string | undefined): string[] {
  const args = ["check", "--fix", "--quiet", "--output-format", "concise", "--exit-zero"];
  if (settings.select.length > 0) {
    args.push("--select", settings.select.join(","));
  }
  if (settings.ignore.length > 0) {
    args.push("--ignore", settings.ignore.join(","));
  }
  if (settings.unsafeFixes) {
    args.push("--unsafe-fixes");
  }
  if (fileName !== undefined) {
    args.push("--stdin-filename", fileName);
  }
  args.push("-");
  return args;
}
