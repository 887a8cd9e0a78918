// The VS Code side: start `kqllint server` through vscode-languageclient, and the commands.
// The decisions (which kqllint, what to say, what to show) live in the modules without `vscode`.

import { spawn, type ChildProcess } from "child_process";
import * as vscode from "vscode";
import {
  CloseAction,
  CodeActionKind,
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DocumentFormattingRequest,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  type CodeAction,
  type Command,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";

import { findKqllint, realHost, serverCommand, type Found } from "./executable";
import { notFoundMessage, startFailureMessage } from "./messages";
import { needsRestart, readSettings, serverOptions, type Settings } from "./settings";

const LANGUAGE = "kusto";
const NOT_RUNNING = 'kqllint is not running: see why in "kqllint: Show output", then run "kqllint: Restart server".';
const STDERR_KEPT = 16_384; // enough for a traceback's last lines, the part a start failure shows

interface Running {
  client: LanguageClient;
  found: Found;
  settings: Settings;
}

let output: vscode.OutputChannel;
let running: Running | undefined;
let starting: Promise<void> = Promise.resolve();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("kqllint");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("kqllint.fixAll", fixAll),
    vscode.commands.registerCommand("kqllint.format", format),
    vscode.commands.registerCommand("kqllint.restart", restart),
    vscode.commands.registerCommand("kqllint.showOutput", () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("kqllint")) {
        void settingsChanged();
      }
    }),
  );
  await watchPythonEnvironment(context);
  await restart();
}

export async function deactivate(): Promise<void> {
  await stop();
}

/** Stop the server if one runs, find kqllint again (the settings may have changed) and start it. */
function restart(): Promise<void> {
  starting = starting.then(async () => {
    await stop();
    await start();
  });
  return starting;
}

/** Tell the running server the new rule settings; start another one when `path` or `interpreter` changed. */
function settingsChanged(): Promise<void> {
  starting = starting.then(async () => {
    const settings = readSettings(vscode.workspace.getConfiguration("kqllint"));
    if (running === undefined || needsRestart(running.settings, settings)) {
      await stop();
      await start();
      return;
    }
    running.settings = settings;
    await running.client.sendNotification(DidChangeConfigurationNotification.type, { settings: serverOptions(settings) });
  });
  return starting;
}

async function stop(): Promise<void> {
  const old = running;
  running = undefined;
  if (old !== undefined) {
    try {
      await old.client.stop(2000);
    } catch (error) {
      output.appendLine(`kqllint: stopping the server: ${String(error)}`);
    }
  }
}

async function start(): Promise<void> {
  const settings = readSettings(vscode.workspace.getConfiguration("kqllint"));
  const found = findKqllint(settings, await activePython(), realHost());
  if (found.kind === "not-found") {
    report(notFoundMessage(found));
    return;
  }
  output.appendLine(`kqllint: running \`${found.prefix.join(" ")} server\` (from ${found.source})`);
  const launch = new Launch(found);
  const client = new LanguageClient("kqllint", "kqllint", launch.serverOptions(), clientOptions(settings, launch));
  let failure: unknown;
  try {
    await client.start();
  } catch (error) {
    failure = error;
  }
  // A server that exits during `initialize` can leave `start()` resolved (vscode-languageclient
  // 9 settles it from the close handler), so the client's state is what says it started.
  if (failure !== undefined || !client.isRunning()) {
    const ended = await launch.ended();
    report(startFailureMessage(found, ended?.code, launch.stderr, launch.spawnError, failure));
    return;
  }
  launch.initialized = true;
  running = { client, found, settings };
}

/** Spawns the server, keeps its stderr (logged, and the reason a start failed) and its exit code. */
class Launch {
  stderr = "";
  spawnError: string | undefined;
  initialized = false;
  private exit: Promise<{ code: number | null }> | undefined;

  constructor(private readonly found: Found) {}

  serverOptions(): ServerOptions {
    return async (): Promise<ChildProcess> => {
      const { command, args } = serverCommand(this.found);
      const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      const child = spawn(command, args, { cwd, env: { ...process.env, PYTHONUNBUFFERED: "1" } });
      this.exit = new Promise((resolve) => child.once("exit", (code) => resolve({ code })));
      child.stderr?.on("data", (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        output.append(text);
        this.stderr = (this.stderr + text).slice(-STDERR_KEPT);
      });
      await new Promise<void>((resolve, reject) => {
        child.once("spawn", () => resolve());
        child.once("error", (error) => {
          this.spawnError = error.message;
          reject(error);
        });
      });
      return child;
    };
  }

  /** The exit of a server that ended, waiting a moment for it; undefined while it still runs. */
  async ended(): Promise<{ code: number | null } | undefined> {
    if (this.exit === undefined) {
      return undefined;
    }
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000));
    return Promise.race([this.exit, timeout]);
  }
}

function clientOptions(settings: Settings, launch: Launch): LanguageClientOptions {
  let restarts = 0;
  return {
    documentSelector: [{ language: LANGUAGE }],
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        // A server that never answered `initialize` would fail again: `start` says why instead.
        if (!launch.initialized || restarts >= 3) {
          if (launch.initialized) {
            report(`kqllint server stopped ${restarts + 1} times; run "kqllint: Restart server" after fixing the cause.`);
          }
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        restarts += 1;
        return { action: CloseAction.Restart, handled: true };
      },
    },
    initializationFailedHandler: () => false,
    initializationOptions: serverOptions(settings),
  };
}

/** The interpreter of the Python extension's active environment, if that extension is installed. */
async function activePython(): Promise<string | undefined> {
  const api = await pythonApi();
  const environments = api?.environments;
  if (environments === undefined) {
    return undefined;
  }
  try {
    const active = environments.getActiveEnvironmentPath(vscode.workspace.workspaceFolders?.[0]?.uri);
    const resolved = await environments.resolveEnvironment(active);
    return resolved?.executable?.uri?.fsPath ?? active.path;
  } catch (error) {
    output.appendLine(`kqllint: could not ask the Python extension for its environment: ${String(error)}`);
    return undefined;
  }
}

/** The parts of the Python extension's API (`ms-python.python`) used here. */
interface PythonApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { path: string };
    resolveEnvironment(environment: { path: string }): Promise<{ executable?: { uri?: vscode.Uri } } | undefined>;
    onDidChangeActiveEnvironmentPath: vscode.Event<unknown>;
  };
}

async function pythonApi(): Promise<PythonApi | undefined> {
  const extension = vscode.extensions.getExtension<PythonApi>("ms-python.python");
  if (extension === undefined) {
    return undefined;
  }
  try {
    return extension.isActive ? extension.exports : await extension.activate();
  } catch (error) {
    output.appendLine(`kqllint: the Python extension did not start: ${String(error)}`);
    return undefined;
  }
}

async function watchPythonEnvironment(context: vscode.ExtensionContext): Promise<void> {
  const environments = (await pythonApi())?.environments;
  if (environments !== undefined) {
    context.subscriptions.push(environments.onDidChangeActiveEnvironmentPath(() => void restart()));
  }
}

function report(message: string): void {
  output.appendLine(`kqllint: ${message}`);
  void vscode.window.showErrorMessage(message, "Show output").then((choice) => {
    if (choice !== undefined) {
      output.show(true);
    }
  });
}

function kustoEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || editor.document.languageId !== LANGUAGE) {
    void vscode.window.showWarningMessage("kqllint: open a Kusto script (.kql, .csl, .kusto) first.");
    return undefined;
  }
  return editor;
}

/** The active Kusto document, its version and the running client, for a command to act on; else
 * undefined, having said why (no Kusto editor, or no server running). */
function commandTarget(): { document: vscode.TextDocument; version: number; client: LanguageClient } | undefined {
  const editor = kustoEditor();
  if (editor === undefined) {
    return undefined;
  }
  if (running === undefined) {
    report(NOT_RUNNING);
    return undefined;
  }
  return { document: editor.document, version: editor.document.version, client: running.client };
}

/** "kqllint: Fix all": the server's `source.fixAll` on the whole document (the safe fixes of the
 * selected rules, and the unsafe ones too when `kqllint.unsafeFixes` is on). */
async function fixAll(): Promise<void> {
  const target = commandTarget();
  if (target === undefined) {
    return;
  }
  const { document, version, client } = target;
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const actions = await client.sendRequest(CodeActionRequest.type, {
    textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(document),
    range: client.code2ProtocolConverter.asRange(whole),
    context: { diagnostics: [], only: [CodeActionKind.SourceFixAll] },
  });
  const action = (actions ?? []).find((a: Command | CodeAction): a is CodeAction => typeof a.command !== "string");
  if (action?.edit === undefined) {
    return; // nothing to fix
  }
  if (document.version !== version) {
    void vscode.window.showWarningMessage("kqllint: the document changed meanwhile; run the command again.");
    return;
  }
  await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(action.edit));
}

/** "kqllint: Format": kqllint's formatting of the whole document, whichever formatter is the default. */
async function format(): Promise<void> {
  const target = commandTarget();
  if (target === undefined) {
    return;
  }
  const { document, version, client } = target;
  const edits = await client.sendRequest(DocumentFormattingRequest.type, {
    textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(document),
    options: { tabSize: 2, insertSpaces: true },
  });
  if (!edits || edits.length === 0 || document.version !== version) {
    return;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.set(document.uri, await client.protocol2CodeConverter.asTextEdits(edits));
  await vscode.workspace.applyEdit(workspaceEdit);
}
