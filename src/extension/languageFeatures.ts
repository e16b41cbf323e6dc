import * as vscode from 'vscode';
import type { OutlineEntry, TextRange } from '../core';
import { onDemand } from './onDemand';
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

/** Completion, hover, definition, references, rename and the outline: thin adapters over core, answered on the scan thread. */
export function registerLanguageFeatures(analyses: DocumentAnalyses): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(
      selector,
      {
        async provideCompletionItems(document, position) {
          const version = document.version;
          const text = document.getText();
          const offset = document.offsetAt(position);
          // The model only names the ids to offer: the last one that parsed will do mid-edit.
          const model = (await analyses.lastGoodSummary(document))?.model;
          if (document.version !== version) return undefined; // the editor asks again for the new text
          return onDemand().completionsAt(text, offset, model).map((entry) => {
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
      async provideHover(document, position) {
        const hover = await analyses.ask(document, { kind: 'hover', offset: document.offsetAt(position) });
        return hover && new vscode.Hover(new vscode.MarkdownString(hover.contents), toRange(document, hover.range));
      },
    }),
    vscode.languages.registerDefinitionProvider(selector, {
      async provideDefinition(document, position) {
        const ranges = await analyses.ask(document, { kind: 'definitions', offset: document.offsetAt(position) });
        return ranges?.map((range) => new vscode.Location(document.uri, toRange(document, range)));
      },
    }),
    vscode.languages.registerReferenceProvider(selector, {
      async provideReferences(document, position, context) {
        const ranges = await analyses.ask(document, { kind: 'references', offset: document.offsetAt(position), includeDeclaration: context.includeDeclaration });
        return ranges?.map((range) => new vscode.Location(document.uri, toRange(document, range)));
      },
    }),
    vscode.languages.registerRenameProvider(selector, {
      async prepareRename(document, position) {
        const target = await analyses.ask(document, { kind: 'renameTarget', offset: document.offsetAt(position) });
        if (!target) return undefined;
        if ('error' in target) throw new Error(target.error);
        return { range: toRange(document, target.range), placeholder: target.placeholder };
      },
      async provideRenameEdits(document, position, newName) {
        const result = await analyses.ask(document, { kind: 'rename', offset: document.offsetAt(position), newName });
        if (!result) throw new Error('The file changed while the rename was prepared: try again.');
        if ('error' in result) throw new Error(result.error);
        const edit = new vscode.WorkspaceEdit();
        for (const range of result.edits) edit.replace(document.uri, toRange(document, range), newName);
        return edit;
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(selector, {
      async provideDocumentSymbols(document) {
        const convert = (entry: OutlineEntry): vscode.DocumentSymbol => {
          const symbol = new vscode.DocumentSymbol(entry.name, entry.detail ?? '', SYMBOL_KIND[entry.kind], toRange(document, entry.range), toRange(document, entry.selectionRange));
          symbol.children = entry.children.map(convert);
          return symbol;
        };
        // An outline of an older text would point at the wrong lines: none, and the editor asks again.
        return (await analyses.ask(document, { kind: 'symbols' }))?.map(convert);
      },
    }),
  );
}
