/**
 * The one context object that owns ECS Lens in the editor (rust-analyzer's ctx.ts): settings, the language
 * service, the per-version analyses, the providers, the workspace index and every disposable. All ECS knowledge
 * lives in src/core; this layer only wires it to the editor.
 */
import * as vscode from 'vscode';
import { createEcsLanguageService } from '../core/language-service';
import { AwsSession } from './aws/session';
import { RevisionDocuments } from './aws/revisions';
import { AWS_SECTION } from './aws/settings';
import { AwsStatus } from './aws/status';
import { registerCommands } from './commands';
import { SECTION, SettingsCache } from './config';
import { DocumentAnalyses, JSON_SELECTOR, isJson } from './documents';
import { ConceptPages, CONCEPT_SCHEME } from './concepts/pages';
import { ConceptsTree } from './concepts/tree';
import { DiffDocuments } from './deploy/diffs';
import { EditorKindContext } from './deploy/editorKind';
import { Prompts } from './deploy/prompts';
import { RolloutWatches } from './deploy/watch';
import { EcsCodeActions } from './language/codeActions';
import { EcsCompletionProvider } from './language/completion';
import { conceptCommandLink, EcsHoverProvider } from './language/hover';
import { DiagnosticsPublisher } from './language/diagnostics';
import { KindStatus } from './language/status';
import { ClustersTree } from './tree/provider';
import { WorkspaceTaskDefinitions } from './workspaceIndex';

/** The settings (under `ecsLens.`) that change what the language features report. */
const LANGUAGE_SECTIONS = ['validate', 'files', 'rules'];

export class EcsLensContext implements vscode.Disposable {
  readonly log = vscode.window.createOutputChannel('ECS Lens', { log: true });
  readonly settings = new SettingsCache();
  readonly service = createEcsLanguageService({ workspace: () => this.taskDefinitions.index, conceptLink: conceptCommandLink });
  readonly taskDefinitions = new WorkspaceTaskDefinitions(this.settings, this.service, this.log);
  readonly analyses = new DocumentAnalyses(this.settings, this.service);
  readonly diagnostics = new DiagnosticsPublisher(this.analyses, this.log);
  readonly status = new KindStatus(this.analyses);
  readonly concepts = new ConceptsTree();
  /** The AWS session: the second lifetime. A profile, region or endpoint change ends it (and the tree's caches). */
  readonly aws = new AwsSession(this.log);
  readonly awsStatus = new AwsStatus(this.aws);
  readonly clusters = new ClustersTree(this.aws, this.log);
  readonly revisions = new RevisionDocuments(this.aws);
  /** Questions and notices of the AWS commands (tests answer them through the API's test hook). */
  readonly prompts = new Prompts();
  /** The normalized sides of "what will change" diffs. */
  readonly diffs = new DiffDocuments();
  /** Rollouts watched in progress notifications. */
  readonly watches = new RolloutWatches();
  readonly editorKind = new EditorKindContext(this.analyses);
  /** The last editor that showed an ECS document ("Show in My File" works from the Concepts view too). */
  lastEcsEditor: vscode.TextEditor | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    const d = this.disposables;
    d.push(this.log, this.diagnostics, this.status, this.taskDefinitions, this.concepts, this.aws, this.awsStatus, this.clusters, this.revisions, this.diffs, this.watches);
    d.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.diagnostics.validate(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.diagnostics.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.analyses.forget(doc.uri);
        this.diagnostics.clear(doc.uri);
        this.taskDefinitions.closedInEditor(doc.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(AWS_SECTION)) this.aws.reload();
        // The language settings; an AWS setting change does not re-check the open files.
        if (LANGUAGE_SECTIONS.some((s) => e.affectsConfiguration(`${SECTION}.${s}`))) this.reload();
      }),
      // Trusting the workspace lets a custom endpoint from the user settings apply.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.aws.reload()),
      this.revisions.register(),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        this.status.update(editor);
        this.editorKind.update(editor);
        this.noteEditor(editor);
      }),
      vscode.languages.registerHoverProvider(JSON_SELECTOR, new EcsHoverProvider(this.analyses, this.log)),
      vscode.languages.registerCompletionItemProvider(JSON_SELECTOR, new EcsCompletionProvider(this.analyses, this.log), ...EcsCompletionProvider.triggerCharacters),
      vscode.workspace.registerTextDocumentContentProvider(CONCEPT_SCHEME, new ConceptPages()),
      this.diagnostics.onDidPublish((uri) => this.published(uri)),
      vscode.languages.registerCodeActionsProvider(JSON_SELECTOR, new EcsCodeActions(this.analyses, this.log), EcsCodeActions.metadata),
      ...registerCommands(this),
      this.taskDefinitions.onDidChange((families) => this.revalidateServices(families)),
    );
    this.taskDefinitions.scan().catch((err: unknown) => this.log.warn(`could not scan the workspace for task definitions: ${String(err)}`));
    this.validateOpenDocuments();
    this.noteEditor(vscode.window.activeTextEditor);
    this.editorKind.update();
  }

  private noteEditor(editor: vscode.TextEditor | undefined): void {
    if (editor && isJson(editor.document) && this.analyses.get(editor.document).doc.isEcs) this.lastEcsEditor = editor;
  }

  /** Diagnostics of a document were published: its task definitions join the index, the status follows. */
  private published(uri: vscode.Uri): void {
    const analysis = this.analyses.peek(uri);
    if (analysis && !analysis.skipped) this.taskDefinitions.updateFromEditor(uri, analysis.doc);
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) {
      this.status.update();
      this.editorKind.update();
    }
  }

  private reload(): void {
    this.settings.clear();
    this.analyses.clear();
    this.log.info('settings changed: checking open files again');
    this.validateOpenDocuments();
  }

  /** Task definitions changed: check again the open services whose diagnostics depended on them. */
  private revalidateServices(families: ReadonlySet<string>): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (!isJson(doc) || this.analyses.isCurrent(doc)) continue;
      this.log.debug(`re-checking ${doc.uri.fsPath}: task definition family ${[...families].join(', ')} changed`);
      this.diagnostics.schedule(doc);
    }
  }

  private validateOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (isJson(doc)) this.diagnostics.validate(doc);
    }
    this.status.update();
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) d.dispose();
  }
}
