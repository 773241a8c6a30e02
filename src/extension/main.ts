/** Activation: creates the one context object (context.ts) and returns the API the tests and other extensions use. */
import * as vscode from 'vscode';
import { COMMANDS } from './commands';
import { EcsLensContext } from './context';
import { isAwsLoaded } from './aws/layer';
import { profileLabel } from './aws/settings';
import type { PromptRecord, QueuedAnswer } from './deploy/prompts';
import type { WatchRecord } from './deploy/watch';
import type { StatusSnapshot } from './language/status';
import type { TreeItemSnapshot } from './tree/provider';

export type { PromptRecord, QueuedAnswer, TreeItemSnapshot, WatchRecord };

/**
 * Hooks for the integration tests, present only in test runs (extension mode Test, or ECS_LENS_TEST_ENTRY set by
 * the code-server runner): nothing else can answer ECS Lens's confirmations.
 */
export interface EcsLensTestHooks {
  /** Queues answers to the next modal questions, quick picks and input boxes (notices: `{ kind: 'notice', answer }`). */
  answer(...answers: QueuedAnswer[]): void;
  /** What the AWS commands asked or reported since the last `clearPrompts()`, with the answers. */
  prompts(): PromptRecord[];
  /** Forgets the prompts asked and the answers not used. */
  clearPrompts(): void;
  /** Poll timing of rollout watches (the local endpoint runs its rollouts in seconds). */
  setWatchOptions(options: { intervalMs?: number; maxIntervalMs?: number; timeoutMs?: number }): void;
  /** The last rollout watches: the progress notification's messages and the outcome. */
  rollouts(): WatchRecord[];
  /** Stops watching every rollout being watched (as cancelling the notification does); returns how many. */
  stopWatching(): number;
  /** The `ecsLens.editorKind` context key (what the editor title's Register button depends on). */
  editorKind(): string;
  /** The lines written to the ECS Lens log since activation (the last 2,000), as `[level] message`. */
  log(): string[];
}

/** The AWS session as the extension sees it (no credentials, only where they come from). */
export interface AwsSessionSnapshot {
  /** `default chain`, `environment`, or the profile name. */
  profile: string;
  /** The region in use once resolved, else the setting. */
  region?: string;
  endpoint?: string;
  endpointSource?: 'settings' | 'demo';
  /** Settings that were ignored, and why. */
  notices: string[];
  /** Why nothing can be read until a setting changes. */
  blocked?: string;
  /** Whether anything used AWS yet. */
  started: boolean;
  /** The status-bar item's text, while shown. */
  statusText?: string;
  /** Services the auto-refresh watches (deployments in progress). */
  watchedServices: string[];
}

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
  /**
   * What the Clusters view shows under a node (the root without an id), from the real tree provider's
   * getChildren/getTreeItem: loading what is not loaded yet, as expanding the node in the view would.
   */
  getClustersTree(id?: string): Promise<TreeItemSnapshot[]>;
  /** The AWS session: profile, region, endpoint, ignored settings. */
  getAwsSession(): AwsSessionSnapshot;
  /** Test runs only. */
  testing?: EcsLensTestHooks;
}

/** Whether this extension host runs ECS Lens's integration tests. */
function isTestRun(extensionContext: vscode.ExtensionContext): boolean {
  return extensionContext.extensionMode === vscode.ExtensionMode.Test || Boolean(process.env.ECS_LENS_TEST_ENTRY);
}

type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** Records what is written to the log channel (test runs only: the channel's own file is out of the tests' reach). */
function tapLog(log: vscode.LogOutputChannel, max = 2000): () => string[] {
  const lines: string[] = [];
  for (const level of ['trace', 'debug', 'info', 'warn', 'error'] as LogLevel[]) {
    const write = log[level].bind(log) as (message: string | Error, ...args: unknown[]) => void;
    Object.assign(log, {
      [level]: (message: string | Error, ...args: unknown[]) => {
        lines.push(`[${level}] ${message instanceof Error ? message.message : message}`);
        if (lines.length > max) lines.shift();
        write(message, ...args);
      },
    });
  }
  return () => [...lines];
}

function testHooks(ctx: EcsLensContext): EcsLensTestHooks {
  const log = tapLog(ctx.log);
  return {
    log,
    answer: (...answers) => ctx.prompts.answer(...answers),
    prompts: () => ctx.prompts.asked(),
    clearPrompts: () => ctx.prompts.clear(),
    setWatchOptions: (options) => {
      ctx.watches.options = { ...options };
    },
    rollouts: () => ctx.watches.records(),
    stopWatching: () => ctx.watches.stopAll(),
    editorKind: () => ctx.editorKind.current,
  };
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
    isAwsLoaded,
    getConceptTree: () =>
      ctx.concepts.getChildren().map((theme) => ({
        label: String(ctx.concepts.getTreeItem(theme).label),
        concepts: ctx.concepts.getChildren(theme).flatMap((n) => ('concept' in n ? [n.concept.id] : [])),
      })),
    getClustersTree: (id) => ctx.clusters.snapshot(id),
    getAwsSession: () => {
      const s = ctx.aws.settings;
      const region = ctx.aws.resolved?.region ?? s.region;
      return {
        profile: profileLabel(s.credentials),
        ...(region ? { region } : {}),
        ...(s.endpoint ? { endpoint: s.endpoint, endpointSource: s.endpointSource } : {}),
        notices: [...s.notices],
        ...(s.blocked ? { blocked: s.blocked } : {}),
        started: ctx.aws.started,
        ...(ctx.awsStatus.text ? { statusText: ctx.awsStatus.text } : {}),
        watchedServices: ctx.clusters.autoRefresh.services,
      };
    },
    ...(isTestRun(extensionContext) ? { testing: testHooks(ctx) } : {}),
  };
}

export function deactivate(): void {
  context = undefined;
}
