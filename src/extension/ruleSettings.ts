import * as path from 'node:path';
import { nameExists } from '../shared/nameExists';
import * as vscode from 'vscode';
import { findConfigFile, type RuleSettings } from '../core';
import { onDemand } from './onDemand';
import { readTextFile } from '../shared/readTextFile';

/**
 * Rule severities for a document: the nearest `.engagementrc.yaml` (as the CLI reads it),
 * with the `engagementKit.rules` setting merged over it. Config files are re-read only when
 * they change on disk, so this is cheap on every keystroke.
 */
export class RuleSettingsProvider implements vscode.Disposable {
  private readonly parsed = new Map<string, RuleSettings>();
  /** Each folder's nearest config file: looking it up touches the disk once per ancestor. */
  private readonly nearest = new Map<string, string | undefined>();
  /**
   * The merged settings per folder. Asking VS Code for a file's settings costs tens of
   * microseconds, and a workspace scan asks for every file; files of one folder share the
   * same config file and the same workspace folder, so the same settings.
   */
  private readonly byFolder = new Map<string, RuleSettings>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/.engagementrc.yaml');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    const forget = (): void => {
      this.parsed.clear();
      this.nearest.clear();
      this.byFolder.clear();
      this.changed.fire();
    };
    this.subscriptions.push(
      this.watcher,
      this.watcher.onDidChange(forget),
      this.watcher.onDidCreate(forget),
      this.watcher.onDidDelete(forget),
      // Which workspace folder's settings apply to a file can change with the folders.
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.byFolder.clear()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('engagementKit.rules')) return;
        this.byFolder.clear();
        this.changed.fire();
      }),
      this.changed,
    );
  }

  rulesFor(uri: vscode.Uri): RuleSettings {
    const folder = `${uri.scheme}://${uri.authority}${path.posix.dirname(uri.path)}`;
    let rules = this.byFolder.get(folder);
    if (!rules) {
      const fromFile = uri.scheme === 'file' ? this.fromConfigFile(path.dirname(uri.fsPath)) : {};
      const fromSettings: unknown = vscode.workspace.getConfiguration('engagementKit', uri).get('rules');
      rules = onDemand().mergeRuleSettings(fromFile, fromSettings);
      this.byFolder.set(folder, rules);
    }
    return rules;
  }

  private fromConfigFile(folder: string): RuleSettings {
    if (!this.nearest.has(folder)) this.nearest.set(folder, findConfigFile(folder, nameExists));
    const file = this.nearest.get(folder);
    if (!file) return {};
    let rules = this.parsed.get(file);
    if (!rules) {
      // A config that cannot be read (or is a pipe) counts as none; the CLI reports it.
      const read = readTextFile(file);
      rules = 'text' in read ? onDemand().parseConfig(read.text).rules : {};
      this.parsed.set(file, rules);
    }
    return rules;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
