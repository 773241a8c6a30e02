import type * as vscode from 'vscode';

/**
 * Runs a provider body so that a bug never surfaces as an exception in VS Code: it is logged once and the
 * provider answers with its default.
 */
export function runSafe<T>(log: vscode.LogOutputChannel, what: string, fallback: T, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    log.error(`${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return fallback;
  }
}
