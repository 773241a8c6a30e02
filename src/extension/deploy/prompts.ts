/**
 * Every question and notice of the AWS commands (register, deploy, the tree's actions) goes through one object:
 * modal confirmations, quick picks, input boxes and the notifications that report an outcome. In the editor it
 * shows VS Code's own UI. The integration tests switch it to answers they queue (`answer()`), through a hook
 * of the extension API that exists only in test runs (main.ts), and read back what was asked: a confirmation
 * that nobody answered is a cancellation, so nothing mutating is ever sent without an answer.
 */
import * as vscode from 'vscode';

export type PromptKind = 'modal' | 'pick' | 'input' | 'notice';

/** A queued answer: a button title, a quick-pick label, an input text, or undefined (Escape, Cancel). */
export type QueuedAnswer = string | undefined | { kind: PromptKind; answer?: string };

/** What was asked, and the answer given (tests read these). */
export interface PromptRecord {
  kind: PromptKind;
  severity?: 'info' | 'warning' | 'error';
  message: string;
  detail?: string;
  /** Buttons, actions, or the labels of the quick-pick items. */
  choices: string[];
  answer?: string;
}

/** Quick-pick labels carry icons (`$(server) web`): answers name the label without them. */
function plainLabel(label: string): string {
  return label.replace(/\$\([\w~-]+\)\s*/g, '').trim();
}

const MAX_RECORDS = 200;

export class Prompts {
  /** Set once a test queued answers: from then on nothing waits for a person. */
  private queue: Array<{ kind?: PromptKind; answer?: string }> | undefined;
  private readonly records: PromptRecord[] = [];

  /** Test runs only: the answers to the next questions, in order. Notices take only answers marked `notice`. */
  answer(...answers: QueuedAnswer[]): void {
    this.queue ??= [];
    for (const a of answers) this.queue.push(typeof a === 'object' && a !== null ? a : { answer: a });
  }

  /** What was asked since the last `clear()`, oldest first. */
  asked(): PromptRecord[] {
    return [...this.records];
  }

  /** Forgets what was asked and the answers not used. */
  clear(): void {
    this.records.length = 0;
    if (this.queue) this.queue.length = 0;
  }

  private record(r: PromptRecord): PromptRecord {
    this.records.push(r);
    if (this.records.length > MAX_RECORDS) this.records.shift();
    return r;
  }

  /** The next queued answer for a prompt of `kind` (undefined when none is queued: a cancellation). */
  private next(kind: PromptKind): string | undefined {
    const queue = this.queue ?? [];
    const i = queue.findIndex((a) => (a.kind === undefined ? kind !== 'notice' : a.kind === kind));
    if (i < 0) return undefined;
    return queue.splice(i, 1)[0]!.answer;
  }

  private get testing(): boolean {
    return this.queue !== undefined;
  }

  /**
   * A modal question. Resolves with the title of the button chosen, or undefined for Cancel and Escape.
   * `severity` picks the dialog's icon: a warning for what changes AWS, an error for an override.
   */
  async modal(message: string, detail: string, choices: string[], severity: 'info' | 'warning' | 'error' = 'warning'): Promise<string | undefined> {
    const r = this.record({ kind: 'modal', severity, message, detail, choices });
    if (this.testing) {
      const a = this.next('modal');
      r.answer = a !== undefined && choices.includes(a) ? a : undefined;
      return r.answer;
    }
    const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'info' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    r.answer = await show(message, { modal: true, detail }, ...choices);
    return r.answer;
  }

  /** A quick pick; a queued answer names an item by its label (icons left out). */
  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & { title: string }): Promise<T | undefined> {
    const choices = items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
    const r = this.record({ kind: 'pick', message: options.title, ...(options.placeHolder ? { detail: options.placeHolder } : {}), choices: choices.map((i) => plainLabel(i.label)) });
    let picked: T | undefined;
    if (this.testing) {
      const a = this.next('pick');
      picked = a === undefined ? undefined : choices.find((i) => plainLabel(i.label) === a);
      if (a !== undefined && !picked) throw new Error(`test answer "${a}" is not among the items of "${options.title}": ${r.choices.join(', ')}`);
    } else {
      picked = await vscode.window.showQuickPick(items, options);
    }
    r.answer = picked ? plainLabel(picked.label) : undefined;
    return picked;
  }

  /** An input box; a queued answer goes through the box's own validation. */
  async input(options: vscode.InputBoxOptions & { title: string }): Promise<string | undefined> {
    const r = this.record({ kind: 'input', message: options.title, ...(options.prompt ? { detail: options.prompt } : {}), choices: [] });
    let text: string | undefined;
    if (this.testing) {
      text = this.next('input');
      const problem = text === undefined ? undefined : await options.validateInput?.(text);
      if (problem) throw new Error(`test answer "${text}" for "${options.title}" is invalid: ${typeof problem === 'string' ? problem : problem.message}`);
    } else {
      text = await vscode.window.showInputBox(options);
    }
    r.answer = text;
    return text;
  }

  /**
   * A notification (not modal) with actions. Callers do not wait for it: `then` handles the action chosen, while
   * the command that showed it has already finished.
   */
  notify(severity: 'info' | 'warning' | 'error', message: string, actions: string[] = []): Promise<string | undefined> {
    const r = this.record({ kind: 'notice', severity, message, choices: actions });
    if (this.testing) {
      const a = this.next('notice');
      r.answer = a !== undefined && actions.includes(a) ? a : undefined;
      return Promise.resolve(r.answer);
    }
    const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return Promise.resolve(show(message, ...actions)).then((a) => (r.answer = a));
  }
}
