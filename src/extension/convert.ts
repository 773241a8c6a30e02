/** LSP-shaped engine data ↔ VS Code objects. */
import * as vscode from 'vscode';
import { codesById } from '../core/rules/index';
import type { Diagnostic, Range, Severity } from '../core/types';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** The documentation link of a rule, shown as the diagnostic's code link. */
function docsFor(code: string): string | undefined {
  return codesById.get(code)?.docs;
}

export function toDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
  out.source = d.source;
  const docs = docsFor(d.code);
  out.code = docs ? { value: d.code, target: vscode.Uri.parse(docs) } : d.code;
  if (d.code === 'describe.read-only') out.tags = [vscode.DiagnosticTag.Unnecessary];
  return out;
}

/** Whether a VS Code diagnostic is the one the engine produced (code actions get VS Code's copies back). */
export function sameDiagnostic(v: vscode.Diagnostic, d: Diagnostic): boolean {
  const code = typeof v.code === 'object' ? v.code.value : v.code;
  return (
    code === d.code &&
    v.message === d.message &&
    v.range.start.line === d.range.start.line &&
    v.range.start.character === d.range.start.character &&
    v.range.end.line === d.range.end.line &&
    v.range.end.character === d.range.end.character
  );
}
