// `kqllint.select` and `kqllint.ignore` applied to the findings the server sends, as the CLI
// applies `--select` and `--ignore`. No `vscode` import: the unit tests run this under plain node.

/** What the filter needs of a finding: its rule code and the rule's name (the server sends it in `data`). */
export interface Finding {
  readonly code: string;
  readonly name?: string;
}

/**
 * Whether the editor shows `finding` under `select` and `ignore`: the longest matching entry
 * wins, and `ALL` matches every code with length 0, exactly as kqllint's configuration does
 * (`Config.enabled`). A rule name counts as its whole code. An empty `select` selects all.
 */
export function shown(finding: Finding, select: readonly string[], ignore: readonly string[]): boolean {
  const chosen = longest(finding, select.length > 0 ? select : ["ALL"]);
  const ignored = longest(finding, ignore);
  return chosen >= 0 && chosen > ignored;
}

function longest(finding: Finding, entries: readonly string[]): number {
  let best = -1;
  for (const entry of entries) {
    if (entry === "ALL") {
      best = Math.max(best, 0);
    } else if (finding.name !== undefined && entry === finding.name) {
      best = Math.max(best, finding.code.length);
    } else if (finding.code.startsWith(entry)) {
      best = Math.max(best, entry.length);
    }
  }
  return best;
}

/** The rule code and name of a diagnostic as vscode-languageclient hands it over, if it is kqllint's. */
export function findingOf(diagnostic: { code?: unknown; source?: string; data?: unknown }): Finding | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== "kqllint") {
    return undefined;
  }
  const raw = diagnostic.code;
  const code = typeof raw === "object" && raw !== null && "value" in raw ? (raw as { value: unknown }).value : raw;
  if (typeof code !== "string") {
    return undefined;
  }
  const data = diagnostic.data;
  const name = typeof data === "object" && data !== null && "name" in data ? (data as { name: unknown }).name : undefined;
  return typeof name === "string" ? { code, name } : { code };
}

/** `items` without the kqllint findings the settings hide; anything else is kept. */
export function keepShown<T extends { code?: unknown; source?: string; data?: unknown }>(
  items: readonly T[],
  select: readonly string[],
  ignore: readonly string[],
): T[] {
  if (select.length === 0 && ignore.length === 0) {
    return [...items];
  }
  return items.filter((item) => {
    const finding = findingOf(item);
    return finding === undefined || shown(finding, select, ignore);
  });
}
