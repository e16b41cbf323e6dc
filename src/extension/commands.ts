import * as vscode from 'vscode';
import { formatDay, dayOf, type TextRange } from '../core';
import { isEngagementDocument, type DocumentAnalyses } from './documentAnalyses';
import { onDemand } from './onDemand';
import type { WorkspaceDiagnostics } from './diagnostics';
import type { WorkspaceIndex } from './workspaceIndex';

/** Arguments that skip the prompts: for keybindings, other extensions and tests. */
export interface NewEngagementArgs {
  readonly role?: string;
  readonly client?: string;
  readonly executive?: string;
  readonly start?: string;
  readonly folder?: vscode.Uri;
}

export function registerCommands(analyses: DocumentAnalyses, index: WorkspaceIndex, workspaceDiagnostics: WorkspaceDiagnostics): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('engagementKit.revealInEditor', revealInEditor),
    vscode.commands.registerCommand('engagementKit.newEngagement', newEngagement),
    vscode.commands.registerCommand('engagementKit.addKpi', (args?: { kpi?: string }) => addKpi(analyses, args)),
    vscode.commands.registerCommand('engagementKit.validateWorkspace', () => validateWorkspace(index, workspaceDiagnostics)),
    vscode.commands.registerCommand('engagementKit.refreshEngagements', () => index.rescan()),
  );
}

async function revealInEditor(uri: vscode.Uri, range?: TextRange): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const selection = range ? new vscode.Range(document.positionAt(range.start), document.positionAt(range.start)) : undefined;
  await vscode.window.showTextDocument(document, { selection, preview: true });
}

/** The next Monday, a natural first day for an engagement. */
function nextMonday(): string {
  const day = dayOf(undefined);
  const weekday = new Date(day * 86_400_000).getUTCDay();
  return formatDay(day + ((8 - weekday) % 7 || 7));
}

async function newEngagement(args: NewEngagementArgs = {}): Promise<vscode.Uri | undefined> {
  const { engagementTemplate, roleTemplate, ROLE_TEMPLATES, slugify } = onDemand();
  const role =
    args.role ??
    (
      await vscode.window.showQuickPick(
        ROLE_TEMPLATES.map((r) => ({ label: r.role, description: r.title, detail: r.kpis.map((k) => k.name).join(' · ') })),
        { title: 'New Engagement (1/3)', placeHolder: 'Which seat does the executive fill?' },
      )
    )?.label;
  const template = role ? roleTemplate(role) : undefined;
  if (!template) return undefined;
  const client = args.client ?? (await vscode.window.showInputBox({ title: 'New Engagement (2/3)', prompt: "The client's company name", validateInput: (v) => (v.trim() ? undefined : 'A name is needed') }));
  if (!client?.trim()) return undefined;
  const executive = args.executive ?? (await vscode.window.showInputBox({ title: 'New Engagement (3/3)', prompt: "The executive's name", value: 'Executive name' })) ?? 'Executive name';
  const start = args.start ?? nextMonday();
  const text = engagementTemplate(template, { client: client.trim(), executive: executive.trim() || 'Executive name', start });

  const folder = args.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'engagement', content: text });
    await vscode.window.showTextDocument(document);
    return undefined;
  }
  const base = `${slugify(client)}-${template.role.toLowerCase()}`;
  let uri = vscode.Uri.joinPath(folder, `${base}.engagement.yaml`);
  for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder, `${base}-${n}.engagement.yaml`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Inserts a KPI from the role's library after the last KPI, in the file's own indentation. */
async function addKpi(analyses: DocumentAnalyses, args: { kpi?: string } = {}): Promise<boolean> {
  const { kpiBlock, roleTemplate, ROLE_TEMPLATES, pointerOf } = onDemand();
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isEngagementDocument(editor.document)) {
    void vscode.window.showInformationMessage('Open an engagement file to add a KPI to it.');
    return false;
  }
  const document = editor.document;
  const analysis = analyses.lastGoodFor(document);
  const model = analysis?.model;
  if (!analysis || !model || analysis !== analyses.get(document)) {
    void vscode.window.showWarningMessage('Fix the YAML errors in this file first, so the KPI goes in the right place.');
    return false;
  }
  const library = roleTemplate(model.executive?.role ?? '')?.kpis ?? ROLE_TEMPLATES.flatMap((r) => r.kpis);
  const present = new Set(model.kpis.map((k) => k.id));
  const choices = library.filter((k) => !present.has(k.id));
  const chosenId =
    args.kpi ??
    (
      await vscode.window.showQuickPick(
        choices.map((k) => ({ label: k.name, description: `${k.type} · ${k.unit}`, detail: k.source, id: k.id })),
        { title: 'Add KPI', placeHolder: choices.length ? 'Pick a KPI to add' : 'Every KPI of this role is already in the file' },
      )
    )?.id;
  const chosen = library.find((k) => k.id === chosenId);
  if (!chosen) return false;

  const text = document.getText();
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const kpis = analysis.sourceMap.exact(pointerOf(['kpis']));
  const edit = new vscode.WorkspaceEdit();
  if (kpis && model.kpis.length > 0 && text[kpis.value.start] !== '[') {
    const first = analysis.sourceMap.exact(pointerOf(model.kpis[0]!.path))!;
    const dashColumn = document.positionAt(first.value.start).character - 2;
    const lastLine = document.positionAt(Math.max(kpis.value.start, kpis.value.end - 1)).line;
    const block = kpiBlock(chosen, ' '.repeat(Math.max(0, dashColumn)), 'day 90').replace(/\n/g, eol);
    edit.insert(document.uri, document.lineAt(lastLine).range.end, `${eol}${block}`);
  } else if (kpis?.key) {
    // `kpis:` with nothing (or `[]`): put the first item under the key.
    const keyLine = document.positionAt(kpis.key.start);
    const indent = ' '.repeat(keyLine.character + 2);
    const colon = text.indexOf(':', kpis.key.end);
    const range = new vscode.Range(document.positionAt(colon + 1), document.positionAt(Math.max(colon + 1, kpis.value.end)));
    edit.replace(document.uri, range, `${eol}${kpiBlock(chosen, indent, 'day 90').replace(/\n/g, eol)}`);
  } else {
    const end = document.lineAt(document.lineCount - 1).range.end;
    const lead = document.lineAt(document.lineCount - 1).isEmptyOrWhitespace ? '' : eol;
    edit.insert(document.uri, end, `${lead}kpis:${eol}${kpiBlock(chosen, '  ', 'day 90').replace(/\n/g, eol)}${eol}`);
  }
  return vscode.workspace.applyEdit(edit);
}

async function validateWorkspace(index: WorkspaceIndex, workspaceDiagnostics: WorkspaceDiagnostics): Promise<{ files: number; errors: number; warnings: number }> {
  await index.rescan();
  const entries = index.all();
  let errors = 0;
  let warnings = 0;
  for (const entry of entries) {
    const findings = [...entry.findings, ...entry.portfolio];
    errors += findings.filter((f) => f.severity === 'error').length;
    warnings += findings.filter((f) => f.severity === 'warning').length;
    workspaceDiagnostics.publish(entry.uri, findings, entry.lines);
  }
  const summary = { files: entries.length, errors, warnings };
  void vscode.window.showInformationMessage(`Engagement Kit checked ${entries.length} file${entries.length === 1 ? '' : 's'}: ${errors} errors, ${warnings} warnings.`);
  if (errors + warnings > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return summary;
}
