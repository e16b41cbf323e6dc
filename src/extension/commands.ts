import * as vscode from 'vscode';
import type { ServerConnection } from './serverConnection';
import { AddKpiRequest, KpiChoicesRequest, NewEngagementRequest, RescanRequest, RoleTemplatesRequest, ValidateWorkspaceRequest } from '../shared/engagementProtocol';
import { dayOf, formatDay } from '../core/model/dates';
import { isEngagementDocument } from './client';

/** Arguments that skip the prompts: for keybindings, other extensions and tests. */
export interface NewEngagementArgs {
  readonly role?: string;
  readonly client?: string;
  readonly executive?: string;
  readonly start?: string;
  readonly folder?: vscode.Uri;
}

export function registerCommands(client: ServerConnection): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('engagementKit.revealInEditor', revealInEditor),
    vscode.commands.registerCommand('engagementKit.newEngagement', (args?: NewEngagementArgs) => newEngagement(client, args)),
    vscode.commands.registerCommand('engagementKit.addKpi', (args?: { kpi?: string }) => addKpi(client, args)),
    vscode.commands.registerCommand('engagementKit.validateWorkspace', () => validateWorkspace(client)),
    vscode.commands.registerCommand('engagementKit.refreshEngagements', () => client.request(RescanRequest, undefined)),
  );
}

async function revealInEditor(uri: vscode.Uri, range?: vscode.Range): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const selection = range ? new vscode.Range(range.start, range.start) : undefined;
  await vscode.window.showTextDocument(document, { selection, preview: true });
}

/** The next Monday, a natural first day for an engagement. */
function nextMonday(): string {
  const day = dayOf(undefined);
  const weekday = new Date(day * 86_400_000).getUTCDay();
  return formatDay(day + ((8 - weekday) % 7 || 7));
}

async function newEngagement(client: ServerConnection, args: NewEngagementArgs = {}): Promise<vscode.Uri | undefined> {
  let role = args.role;
  if (!role) {
    const templates = await client.request(RoleTemplatesRequest, undefined);
    role = (
      await vscode.window.showQuickPick(
        templates.map((r) => ({ label: r.role, description: r.title, detail: r.kpis.join(' · ') })),
        { title: 'New Engagement (1/3)', placeHolder: 'Which seat does the executive fill?' },
      )
    )?.label;
  }
  if (!role) return undefined;
  const clientName = args.client ?? (await vscode.window.showInputBox({ title: 'New Engagement (2/3)', prompt: "The client's company name", validateInput: (v) => (v.trim() ? undefined : 'A name is needed') }));
  if (!clientName?.trim()) return undefined;
  const executive = args.executive ?? (await vscode.window.showInputBox({ title: 'New Engagement (3/3)', prompt: "The executive's name", value: 'Executive name' })) ?? 'Executive name';
  const made = await client.request(NewEngagementRequest, { role, client: clientName.trim(), executive: executive.trim() || 'Executive name', start: args.start ?? nextMonday() });
  if ('error' in made) {
    void vscode.window.showWarningMessage(made.error);
    return undefined;
  }
  const folder = args.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'engagement', content: made.text });
    await vscode.window.showTextDocument(document);
    return undefined;
  }
  let uri = vscode.Uri.joinPath(folder, `${made.fileBase}.engagement.yaml`);
  for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder, `${made.fileBase}-${n}.engagement.yaml`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(made.text));
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
async function addKpi(client: ServerConnection, args: { kpi?: string } = {}): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isEngagementDocument(editor.document)) {
    void vscode.window.showInformationMessage('Open an engagement file to add a KPI to it.');
    return false;
  }
  const document = editor.document;
  const at = { uri: document.uri.toString(), version: document.version };
  let chosen = args.kpi;
  if (!chosen) {
    const answer = await client.request(KpiChoicesRequest, at);
    if (answer && 'error' in answer) {
      void vscode.window.showWarningMessage(answer.error);
      return false;
    }
    const choices = answer?.choices ?? [];
    chosen = (
      await vscode.window.showQuickPick(
        choices.map((k) => ({ label: k.name, description: `${k.type} · ${k.unit}`, detail: k.source, id: k.id })),
        { title: 'Add KPI', placeHolder: choices.length ? 'Pick a KPI to add' : 'Every KPI of this role is already in the file' },
      )
    )?.id;
    if (!chosen) return false;
  }
  // The file may have changed while the list was open: the edit is made for its text now.
  const answer = await client.request(AddKpiRequest, { uri: document.uri.toString(), version: document.version, kpi: chosen });
  if (!answer) return false;
  if ('error' in answer) {
    void vscode.window.showWarningMessage(answer.error);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  const range = answer.edit.range;
  edit.replace(document.uri, new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character), answer.edit.newText);
  return vscode.workspace.applyEdit(edit);
}

async function validateWorkspace(client: ServerConnection): Promise<{ files: number; errors: number; warnings: number }> {
  const summary = await client.request(ValidateWorkspaceRequest, undefined);
  const { files, errors, warnings } = summary;
  void vscode.window.showInformationMessage(`Engagement Kit checked ${files} file${files === 1 ? '' : 's'}: ${errors} errors, ${warnings} warnings.`);
  if (errors + warnings > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return summary;
}
