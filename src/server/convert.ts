import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../core/rules/docsUrl';
import type { Finding, TextRange } from '../core/types';

/** Anything that turns offsets into positions: an open document, or a file's line index. */
export interface Positions {
  positionAt(offset: number): Position;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toRange(positions: Positions, range: TextRange): Range {
  return { start: positions.positionAt(range.start), end: positions.positionAt(range.end) };
}

export function toOffsets(document: TextDocument, range: Range): TextRange {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** One finding as a diagnostic: its rule id is the code, linked to the rule's page. */
export function toDiagnostic(finding: Finding, positions: Positions): Diagnostic {
  const diagnostic: Diagnostic = { range: toRange(positions, finding.range), severity: SEVERITY[finding.severity], source: 'engagement', code: finding.ruleId, message: finding.message };
  if (finding.ruleId !== 'config') diagnostic.codeDescription = { href: ruleDocsUrl(finding.ruleId) };
  return diagnostic;
}
