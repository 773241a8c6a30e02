/**
 * Every command of ECS Lens in one table: id → handler (like rust-analyzer's commands.ts). `package.json`
 * contributes exactly these ids; the integration suite checks both lists against each other.
 */
import * as vscode from 'vscode';
import { conceptById, concepts } from '../core/knowledge/index';
import { chooseProfile, chooseRegion, openSignInTerminal, signInCommand, switchSession } from './aws/pickers';
import { conceptUri, openPage, pageAtCursor, showConceptInFile } from './concepts/pages';
import type { EcsLensContext } from './context';
import { compareWithLive } from './deploy/compare';
import { deployToService, watchRolloutCommand } from './deploy/deploy';
import { registerCommand } from './deploy/register';
import { applyServiceFile } from './deploy/service';
import * as mutate from './deploy/treeActions';
import { FIX_ALL_KIND } from './language/codeActions';
import * as clusters from './tree/actions';

/** A concept id from a command argument: a string, or a Concepts view node. */
function conceptArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'concept' in arg) return (arg as { concept: { id: string } }).concept.id;
  return undefined;
}

export type CommandHandler = (ctx: EcsLensContext, ...args: unknown[]) => unknown;

export const COMMANDS: Readonly<Record<string, CommandHandler>> = {
  'ecsLens.fixAll': () => vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND.value, apply: 'first' }),
  'ecsLens.showOutput': (ctx) => ctx.log.show(),
  'ecsLens.showConcept': async (_ctx, arg) => {
    let id = conceptArg(arg);
    if (!id) {
      const pick = await vscode.window.showQuickPick(
        concepts.map((c) => ({ label: c.title, description: c.id, detail: c.summary, id: c.id })),
        { placeHolder: 'Open an ECS concept', matchOnDescription: true, matchOnDetail: true },
      );
      id = pick?.id;
    }
    if (id && conceptById(id)) await openPage(conceptUri(id));
  },
  'ecsLens.explainField': async (ctx) => {
    const uri = pageAtCursor(ctx.analyses, vscode.window.activeTextEditor);
    if (uri) await openPage(uri);
    else void vscode.window.showInformationMessage('Put the cursor on a key or value of an ECS task definition or service to explain it.');
  },
  'ecsLens.filterConcepts': async (ctx, arg) => {
    const text = typeof arg === 'string' ? arg : await vscode.window.showInputBox({ prompt: 'Show concepts whose title, summary or JSON keys contain', value: ctx.concepts.filterText });
    if (text !== undefined) ctx.concepts.setFilter(text);
  },
  'ecsLens.clearConceptFilter': (ctx) => ctx.concepts.setFilter(''),
  'ecsLens.showConceptInFile': async (ctx, arg) => {
    const id = conceptArg(arg);
    if (!id) return;
    const editor = vscode.window.activeTextEditor ?? ctx.lastEcsEditor;
    const shown = (await showConceptInFile(ctx.analyses, id, editor)) || (editor !== ctx.lastEcsEditor && (await showConceptInFile(ctx.analyses, id, ctx.lastEcsEditor)));
    if (!shown) void vscode.window.showInformationMessage(`"${conceptById(id)?.title ?? id}" does not appear in the open ECS file.`);
  },

  // AWS session: credentials, region, sign-in.
  'ecsLens.aws.chooseProfile': (ctx, arg) => chooseProfile(ctx.aws, arg),
  'ecsLens.aws.chooseRegion': (ctx, arg) => chooseRegion(ctx.aws, arg),
  'ecsLens.aws.switch': (ctx) => switchSession(ctx.aws),
  'ecsLens.aws.signIn': (_ctx, arg) => {
    const command = signInCommand(arg);
    if (!command) throw new Error('No sign-in command for this item');
    openSignInTerminal(command);
  },
  'ecsLens.aws.copySignInCommand': async (_ctx, arg) => {
    const command = signInCommand(arg);
    if (!command) throw new Error('No sign-in command for this item');
    await vscode.env.clipboard.writeText(command);
    vscode.window.setStatusBarMessage(`Copied: ${command}`, 4000);
  },

  // The Clusters view.
  'ecsLens.clusters.refresh': (ctx, arg) => clusters.refresh(ctx.clusters, arg),
  'ecsLens.clusters.loadMore': (ctx, arg) => clusters.loadMore(ctx.clusters, arg),
  'ecsLens.clusters.retry': (ctx, arg) => clusters.retry(ctx.clusters, arg),
  'ecsLens.clusters.copyArn': (ctx, arg) => clusters.copyArn(ctx.clusters, arg),
  'ecsLens.clusters.openInConsole': (ctx, arg) => clusters.openInConsole(ctx.clusters, arg),
  'ecsLens.clusters.openRevision': (ctx, arg) => clusters.openRevision(ctx.clusters, arg),

  // Register, compare, deploy (src/extension/deploy): every change to AWS is confirmed in a modal first.
  'ecsLens.registerTaskDefinition': (ctx, arg) => registerCommand(ctx, arg),
  'ecsLens.compareWithLive': (ctx, arg) => compareWithLive(ctx, arg),
  'ecsLens.deployToService': (ctx, arg) => deployToService(ctx, arg),
  'ecsLens.applyServiceFile': (ctx, arg) => applyServiceFile(ctx, arg),
  'ecsLens.watchRollout': (ctx, arg) => watchRolloutCommand(ctx, arg),
  'ecsLens.clusters.editAsNewRevision': (ctx, arg) => mutate.editAsNewRevision(ctx, arg),
  'ecsLens.clusters.compareWithPrevious': (ctx, arg) => mutate.compareWithPrevious(ctx, arg),
  'ecsLens.clusters.deregisterRevision': (ctx, arg) => mutate.deregisterRevision(ctx, arg),
  'ecsLens.clusters.scaleService': (ctx, arg) => mutate.scaleService(ctx, arg),
  'ecsLens.clusters.forceNewDeployment': (ctx, arg) => mutate.forceNewDeployment(ctx, arg),
  'ecsLens.clusters.rollBack': (ctx, arg) => mutate.rollBack(ctx, arg),
  'ecsLens.clusters.stopTask': (ctx, arg) => mutate.stopTask(ctx, arg),
};

/** Registers every command of the table for the context's lifetime. */
export function registerCommands(ctx: EcsLensContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(ctx, ...args);
      } catch (err) {
        ctx.log.error(`${id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        void vscode.window.showErrorMessage(`ECS Lens: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    }),
  );
}
