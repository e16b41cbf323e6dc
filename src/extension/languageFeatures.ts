import * as vscode from 'vscode';
import { completionsAt, definitionsAt, hoverAt, outlineOf, referencesAt, renameAt, symbolAt, idRange, type OutlineEntry, type TextRange } from '../core';
import { LANGUAGE_ID, type DocumentAnalyses } from './documentAnalyses';

const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };

const toRange = (document: vscode.TextDocument, range: TextRange): vscode.Range => new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));

const COMPLETION_KIND = {
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  reference: vscode.CompletionItemKind.Reference,
} as const;

const SYMBOL_KIND = {
  section: vscode.SymbolKind.Module,
  kpi: vscode.SymbolKind.Field,
  phase: vscode.SymbolKind.Event,
  activity: vscode.SymbolKind.Function,
  area: vscode.SymbolKind.Namespace,
  decision: vscode.SymbolKind.Key,
  party: vscode.SymbolKind.Constant,
  item: vscode.SymbolKind.Object,
} as const;

/** Completion, hover, definition, references, rename and the outline: thin adapters over core. */
export function registerLanguageFeatures(analyses: DocumentAnalyses): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(
      selector,
      {
        provideCompletionItems(document, position) {
          const model = analyses.lastGoodFor(document)?.model;
          return completionsAt(document.getText(), document.offsetAt(position), model).map((entry) => {
            const item = new vscode.CompletionItem(entry.label, COMPLETION_KIND[entry.kind]);
            item.detail = entry.detail;
            if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
            item.insertText = entry.insertText;
            item.sortText = entry.sortText;
            item.range = toRange(document, entry.range);
            return item;
          });
        },
      },
      ':',
      ' ',
      '[',
      ',',
    ),
    vscode.languages.registerHoverProvider(selector, {
      provideHover(document, position) {
        const hover = hoverAt(analyses.get(document), document.offsetAt(position));
        return hover && new vscode.Hover(new vscode.MarkdownString(hover.contents), toRange(document, hover.range));
      },
    }),
    vscode.languages.registerDefinitionProvider(selector, {
      provideDefinition(document, position) {
        return definitionsAt(analyses.get(document), document.offsetAt(position)).map((d) => new vscode.Location(document.uri, toRange(document, idRange(document.getText(), d.range))));
      },
    }),
    vscode.languages.registerReferenceProvider(selector, {
      provideReferences(document, position, context) {
        const text = document.getText();
        return referencesAt(analyses.get(document), document.offsetAt(position), context.includeDeclaration).map((r) => new vscode.Location(document.uri, toRange(document, idRange(text, r.range))));
      },
    }),
    vscode.languages.registerRenameProvider(selector, {
      prepareRename(document, position) {
        const analysis = analyses.get(document);
        const symbol = symbolAt(analysis, document.offsetAt(position));
        if (!symbol) throw new Error('Only KPI, phase, decision and party ids can be renamed.');
        if (symbol.kind === 'party' && (symbol.id === 'exec' || symbol.id === 'ceo')) throw new Error(`\`${symbol.id}\` is built into the format and cannot be renamed.`);
        return { range: toRange(document, idRange(document.getText(), symbol.range)), placeholder: symbol.id };
      },
      provideRenameEdits(document, position, newName) {
        const result = renameAt(analyses.get(document), document.getText(), document.offsetAt(position), newName);
        if ('error' in result) throw new Error(result.error);
        const edit = new vscode.WorkspaceEdit();
        for (const range of result.edits) edit.replace(document.uri, toRange(document, range), newName);
        return edit;
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(selector, {
      provideDocumentSymbols(document) {
        const convert = (entry: OutlineEntry): vscode.DocumentSymbol => {
          const symbol = new vscode.DocumentSymbol(entry.name, entry.detail ?? '', SYMBOL_KIND[entry.kind], toRange(document, entry.range), toRange(document, entry.selectionRange));
          symbol.children = entry.children.map(convert);
          return symbol;
        };
        return outlineOf(analyses.get(document)).map(convert);
      },
    }),
  );
}
