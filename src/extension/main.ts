/** Activation: creates the one context object (context.ts) and returns the API the tests and other extensions use. */
import * as vscode from 'vscode';
import { COMMANDS } from './commands';
import { EcsLensContext } from './context';
import type { StatusSnapshot } from './language/status';

/** What `activate` returns: used by the integration tests and by other extensions. */
export interface EcsLensApi {
  /** Milliseconds `activate` took. */
  activationMs: number;
  /** The language status shown for the active editor, if any. */
  getLanguageStatus(): StatusSnapshot | undefined;
  /** The kind ECS Lens recognised for an open document. */
  getDocumentKind(uri: vscode.Uri): string | undefined;
  /** The ids of the command table (the integration suite compares them with package.json). */
  commandIds: readonly string[];
  /** Whether the AWS SDK bundle has been loaded in this extension host. */
  isAwsLoaded(): boolean;
  /** What the Concepts view shows: each theme's label and the ids of its concepts, as the tree provider gives them. */
  getConceptTree(): Array<{ label: string; concepts: string[] }>;
}

let context: EcsLensContext | undefined;

export function activate(extensionContext: vscode.ExtensionContext): EcsLensApi {
  const started = Date.now();
  try {
    context = new EcsLensContext(extensionContext);
    extensionContext.subscriptions.push(context);
  } catch (err) {
    void vscode.window.showErrorMessage(`ECS Lens failed to start: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }
  const ctx = context;
  const activationMs = Date.now() - started;
  ctx.log.info(`activated in ${activationMs} ms`);
  return {
    activationMs,
    getLanguageStatus: () => ctx.status.snapshot(),
    getDocumentKind: (uri) => ctx.analyses.peek(uri)?.doc.kind,
    commandIds: Object.keys(COMMANDS),
    isAwsLoaded: () => false,
    getConceptTree: () =>
      ctx.concepts.getChildren().map((theme) => ({
        label: String(ctx.concepts.getTreeItem(theme).label),
        concepts: ctx.concepts.getChildren(theme).flatMap((n) => ('concept' in n ? [n.concept.id] : [])),
      })),
  };
}

export function deactivate(): void {
  context = undefined;
}
