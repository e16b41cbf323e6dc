import { URI, Utils } from 'vscode-uri';
import { CONFIG_FILE_NAME, parseConfig, type EngagementConfig } from '../core/config/engagementConfig';
import { mergeRuleSettings } from '../core/config/mergeRuleSettings';
import type { AnalysisSettings } from '../core/service/documentAnalyses';
import { isKnownLocale } from '../core/render/formats';

/** The editor's `engagementKit` settings that the server reads. */
export interface EditorSettings {
  readonly rules?: unknown;
  readonly today?: unknown;
  readonly locale?: unknown;
  readonly validation?: { readonly delay?: unknown };
}

export const DEFAULT_DELAY_MS = 150;

/**
 * The settings that apply to a file: the nearest `.engagementrc.yaml` at or above it (as
 * the command line finds it), with the editor's `engagementKit.rules` merged over it, and
 * the day (`engagementKit.today`, or the date). Resolved once per folder, until a config
 * file or the editor's settings change (`clear`).
 */
export class SettingsResolver {
  private readonly byFolder = new Map<string, { readonly uri: string; readonly settings: Promise<AnalysisSettings & { delay: number }> }>();
  private readonly configFiles = new Map<string, Promise<{ readonly config: EngagementConfig; readonly folder: URI } | undefined>>();

  constructor(
    /** A file's text, or undefined when there is none. */
    private readonly readFile: (uri: string) => Promise<string | undefined>,
    /** The editor's settings for a file; undefined where the editor has none to give. */
    private readonly editorSettings: (uri: string) => Promise<EditorSettings | undefined>,
  ) {}

  settingsFor(uri: string): Promise<AnalysisSettings & { delay: number }> {
    const folder = Utils.dirname(URI.parse(uri)).toString();
    let known = this.byFolder.get(folder);
    if (!known) {
      known = { uri, settings: this.resolve(uri, folder) };
      this.byFolder.set(folder, known);
    }
    return known.settings;
  }

  /**
   * Reads the settings again (a config file or the editor's settings may have changed).
   * Resolves to whether any folder's settings differ from before: an editor tells of a
   * change in a section without saying what, and VS Code's client tells once at start.
   */
  async reread(): Promise<boolean> {
    const before = [...this.byFolder.entries()];
    this.byFolder.clear();
    this.configFiles.clear();
    let changed = false;
    for (const [, { uri, settings }] of before) {
      const [old, now] = await Promise.all([settings, this.settingsFor(uri)]);
      if (JSON.stringify(old) !== JSON.stringify(now)) changed = true;
    }
    return changed;
  }

  /** Forgets everything: the workspace's folders changed. */
  clear(): void {
    this.byFolder.clear();
    this.configFiles.clear();
  }

  private async resolve(uri: string, folder: string): Promise<AnalysisSettings & { delay: number }> {
    const [found, editor] = await Promise.all([this.nearestConfig(URI.parse(folder)), this.editorSettings(uri).catch(() => undefined)]);
    const fromFile = found?.config;
    const today = typeof editor?.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(editor.today) ? editor.today : undefined;
    const delay = typeof editor?.validation?.delay === 'number' && editor.validation.delay >= 0 ? Math.min(editor.validation.delay, 5_000) : DEFAULT_DELAY_MS;
    return { rules: mergeRuleSettings(fromFile?.rules ?? {}, editor?.rules), today, delay, changeLevels: fromFile?.changeLevels ?? {}, ...(typeof editor?.locale === 'string' && isKnownLocale(editor.locale) ? { locale: editor.locale } : {}), ...(found ? { capacity: found.config.capacity, exports: exportsOf(found.config, found.folder) } : {}) };
  }

  /** The nearest config file at or above `folder`, read, and the folder it is in. */
  private async nearestConfig(folder: URI): Promise<{ readonly config: EngagementConfig; readonly folder: URI } | undefined> {
    for (let current = folder; ; ) {
      const config = await this.configIn(current);
      if (config) return config;
      const parent = Utils.dirname(current);
      if (parent.path === current.path) return undefined;
      current = parent;
    }
  }

  private configIn(folder: URI): Promise<{ readonly config: EngagementConfig; readonly folder: URI } | undefined> {
    const key = folder.toString();
    let config = this.configFiles.get(key);
    if (!config) {
      // A config that cannot be read counts as none; the command line reports it.
      config = this.readFile(Utils.joinPath(folder, CONFIG_FILE_NAME).toString()).then((text) => (text === undefined ? undefined : { config: parseConfig(text), folder }));
      this.configFiles.set(key, config);
    }
    return config;
  }
}

/** The export settings of a config file, its logo as a URI beside it. */
function exportsOf(config: EngagementConfig, folder: URI): NonNullable<AnalysisSettings['exports']> {
  const { logo, accent, internal } = config.export;
  return { internal: internal ?? [], ...(logo ? { logo: Utils.resolvePath(folder, logo).toString() } : {}), ...(accent ? { accent } : {}) };
}
