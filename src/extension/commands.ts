/**
 * Every command of ECS Lens in one table: id → handler (like rust-analyzer's commands.ts). `package.json`
 * contributes exactly these ids; the integration suite checks both lists against each other.
 */
import * as vscode from 'vscode';
import { FIX_ALL_KIND } from './language/codeActions';
import type { EcsLensContext } from './context';

export type CommandHandler = (ctx: EcsLensContext, ...args: unknown[]) => unknown;

export const COMMANDS: Readonly<Record<string, CommandHandler>> = {
  'ecsLens.fixAll': () => vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND.value, apply: 'first' }),
  'ecsLens.showOutput': (ctx) => ctx.log.show(),
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
