import * as vscode from 'vscode';

/**
 * Shows a 0-based line of a file, with the cursor on it: in the editor that has the file
 * open, else in `column` (a page that links to files opens them beside itself).
 */
export async function revealLine(uri: vscode.Uri, line: number, column: vscode.ViewColumn = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const position = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? column, preserveFocus: false });
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
