import type { Analysis } from '../analyze';
import type { Brand } from './branding';
import { formatsFor, type Formats } from './formats';
import type { Day } from '../model/dates';
import type { Engagement } from '../model/engagement';
import type { Path } from '../types';
import { pointerOf } from '../yaml/sourceMap';

import type { Redactable } from './redaction';

export interface RenderOptions {
  readonly today: Day;
  readonly redact?: readonly Redactable[];
  /**
   * Show the findings (the "Checks" section). They are the team's working notes: the
   * preview shows them, a copy for the client leaves them out unless asked.
   */
  readonly includeChecks?: boolean;
  /**
   * Positions (timeline bars, progress) as `style` attributes (a static file) or as
   * `data-style` for a page whose CSP forbids inline styles: its script applies them.
   */
  readonly inlineStyles?: boolean;
  /** The consultancy's logo and accent, on a copy for the client (`export` in `.engagementrc.yaml`). */
  readonly brand?: Brand;
  /** How dates, numbers and money are written (`--locale`); ISO dates and en-US numbers without one. */
  readonly locale?: string;
}

/** What every section renderer reads. */
export interface RenderContext {
  readonly model: Engagement;
  readonly analysis: Analysis;
  readonly options: RenderOptions;
  /** 0-based source line of a path, for `data-line`. */
  line(path: Path): number | undefined;
  /** Whether a group (`fees`, `notes`) is left out: its column or heading goes too. */
  redacted(field: 'fees' | 'notes'): boolean;
  /** ` style="…"` or ` data-style="…"`, as the options ask. */
  style(css: string): string;
  /** Dates, numbers and money as the locale writes them. */
  readonly formats: Formats;
}

export function renderContext(analysis: Analysis, model: Engagement, options: RenderOptions): RenderContext {
  return {
    model,
    analysis,
    options,
    line(path) {
      const location = analysis.sourceMap.exact(pointerOf(path));
      const offset = location?.key?.start ?? location?.value.start;
      return offset === undefined ? undefined : analysis.lines.positionAt(offset).line;
    },
    redacted: (field) => options.redact?.some((r) => r === field || r === 'internal') ?? false,
    style: (css) => (options.inlineStyles === false ? ` data-style="${css}"` : ` style="${css}"`),
    formats: formatsFor(options.locale, model.currency),
  };
}
