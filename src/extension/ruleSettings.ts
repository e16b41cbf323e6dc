import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findConfigFile, mergeRuleSettings, parseConfig, type RuleSettings } from '../core';
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
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/.engagementrc.yaml');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    const forget = (): void => {
      this.parsed.clear();
      this.nearest.clear();
      this.changed.fire();
    };
    this.subscriptions.push(
      this.watcher,
      this.watcher.onDidChange(forget),
      this.watcher.onDidCreate(forget),
      this.watcher.onDidDelete(forget),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('engagementKit.rules')) this.changed.fire();
      }),
      this.changed,
    );
  }

  rulesFor(uri: vscode.Uri): RuleSettings {
    const fromFile = uri.scheme === 'file' ? this.fromConfigFile(path.dirname(uri.fsPath)) : {};
    const fromSettings: unknown = vscode.workspace.getConfiguration('engagementKit', uri).get('rules');
    return mergeRuleSettings(fromFile, fromSettings);
  }

  private fromConfigFile(folder: string): RuleSettings {
    if (!this.nearest.has(folder)) this.nearest.set(folder, findConfigFile(folder, (candidate) => fs.existsSync(candidate)));
    const file = this.nearest.get(folder);
    if (!file) return {};
    let rules = this.parsed.get(file);
    if (!rules) {
      // A config that cannot be read (or is a pipe) counts as none; the CLI reports it.
      const read = readTextFile(file);
      rules = 'text' in read ? parseConfig(read.text).rules : {};
      this.parsed.set(file, rules);
    }
    return rules;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
