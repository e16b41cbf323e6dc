import { MAX_WEEKS_AHEAD } from '../core/portfolioModel/buildPortfolio';
import { isKnownLocale } from '../core/render/formats';
import { redactionProblem } from '../core/render/redactableFields';

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'github';
export const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'github'];

export interface LintArgs {
  readonly command: 'lint';
  readonly paths: string[];
  readonly format: OutputFormat;
  readonly maxWarnings?: number;
  readonly today?: string;
  readonly color: boolean;
  /** Threads to lint with; by default one fewer than the cores for large runs. */
  readonly jobs?: number;
  /** Print throughput and peak memory to stderr. */
  readonly stats?: boolean;
}

export interface RenderArgs {
  readonly command: 'render';
  readonly file: string;
  readonly output?: string;
  readonly format: 'html' | 'md' | 'pdf';
  /** For a PDF: the paper, portrait or landscape (auto: landscape when the content is wider), and the browser that prints. */
  readonly paper: 'a4' | 'letter';
  readonly orientation: 'auto' | 'portrait' | 'landscape';
  readonly browser?: string;
  /** How dates, numbers and money are written: a BCP 47 tag (`de-DE`, `en-GB`). */
  readonly locale?: string;
  /** Groups (`fees`, `notes`, `internal`) and field paths (`kpis.*.source`) to leave out. */
  readonly redact: string[];
  /** Add the findings (left out of a copy by default: they are the team's). */
  readonly includeChecks: boolean;
  readonly today?: string;
}

interface DiffOptions {
  readonly command: 'diff';
  readonly format: 'stylish' | 'json' | 'markdown' | 'github' | 'html';
  /** Exit 1 when a change is at this level or above. */
  readonly failOn?: 'breaking' | 'notable' | 'info';
  readonly today?: string;
}

export type DiffArgs = DiffOptions &
  (
    | { readonly mode: 'pair'; /** Each a path, or a git `REV:PATH`. */ readonly base: string; readonly revision: string }
    | { readonly mode: 'base'; /** A revision: every engagement file changed since. */ readonly base: string; readonly paths: string[] }
    | { readonly mode: 'driver'; /** What git passes an external diff command. */ readonly gitArgs: string[] }
  );

export interface LogArgs {
  readonly command: 'log';
  readonly file: string;
  readonly format: 'stylish' | 'json' | 'markdown';
  /** Only commits after this (anything git's `--since` reads: a date, "3 months ago"). */
  readonly since?: string;
  readonly today?: string;
}

export interface PortfolioArgs {
  readonly command: 'portfolio';
  readonly paths: string[];
  readonly format: 'stylish' | 'json' | 'markdown' | 'html';
  readonly today?: string;
  /** Weeks shown from the current one on (default 12). */
  readonly weeks?: number;
  /** Only the engagements of this executive (e-mail or name). */
  readonly executive?: string;
  /** How the Markdown and HTML write dates (a BCP 47 tag). */
  readonly locale?: string;
  readonly color: boolean;
}

export type ParsedArgs =
  | LintArgs
  | PortfolioArgs
  | RenderArgs
  | DiffArgs
  | LogArgs
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'schema' }
  | { readonly command: 'rules' }
  | { readonly command: 'lsp' }
  | { readonly command: 'usage-error'; readonly message: string };

/** `--format=json` → [`--format`, `json`]; any other argument stays whole. */
function splitFlag(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return arg.startsWith('--') && equals > 0 ? [arg.slice(0, equals), arg.slice(equals + 1)] : [arg, undefined];
}

type UsageError = { readonly command: 'usage-error'; readonly message: string };
const usage = (message: string): UsageError => ({ command: 'usage-error', message });

/** The value of `--today` when it is a date as YYYY-MM-DD. */
const isoDate = (value: string | undefined): string | undefined => (value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const TODAY_USAGE = usage('--today needs a date as YYYY-MM-DD.');
const LOCALE_USAGE = usage('--locale needs a language tag this system knows, e.g. --locale de-DE or --locale en-GB.');

/**
 * What an option handler says of one option: `true` when it took it, a usage error when its
 * value is wrong, `false` when the command has no such option.
 */
type OptionOutcome = boolean | UsageError;

/**
 * Walks one command's arguments, the same way for every command: an option (`--name value`
 * or `--name=value`) goes to `option`, anything else to `positional`; an option the command
 * does not know is a usage error. A lone `-` is an option unless `dashIsPositional` (the
 * commands that take paths read it as one).
 */
function walkArgs(
  args: readonly string[],
  option: (flag: string, value: () => string | undefined) => OptionOutcome,
  positional: (arg: string) => UsageError | undefined,
  dashIsPositional = false,
): UsageError | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = splitFlag(arg);
    const outcome = option(flag, () => inline ?? args[++i]);
    if (outcome === true) continue;
    if (outcome !== false) return outcome;
    if (flag.startsWith('-') && !(dashIsPositional && flag === '-')) return usage(`Unknown option \`${flag}\`.`);
    const problem = positional(arg);
    if (problem) return problem;
  }
  return undefined;
}

/** `--color` and `--no-color`, for the commands that write to a terminal. */
function colorOption(flag: string): boolean | undefined {
  return flag === '--color' ? true : flag === '--no-color' ? false : undefined;
}

/** Parses the command line by hand: a handful of flags do not need a dependency. */
export function parseArgs(argv: readonly string[], env: { isTTY: boolean; noColor: boolean }): ParsedArgs {
  const args = [...argv];
  if (args.includes('--help') || args.includes('-h')) return { command: 'help' };
  if (args.includes('--version') || args.includes('-v')) return { command: 'version' };
  const command = args.shift();
  if (command === undefined) return { command: 'help' };
  if (command === 'schema' || command === 'rules') {
    return args.length ? usage(`\`${command}\` takes no arguments.`) : { command };
  }
  if (command === 'render') return parseRender(args);
  if (command === 'diff') return parseDiff(args);
  if (command === 'log') return parseLog(args);
  if (command === 'portfolio') return parsePortfolio(args, env);
  if (command === 'lsp') {
    // The transport is read by the server itself; stdio is the one other editors use.
    return args.length === 1 && args[0] === '--stdio' ? { command: 'lsp' } : usage('`lsp` runs the language server over stdio: engagement lsp --stdio');
  }
  if (command !== 'lint') return usage(`Unknown command \`${command}\`.`);
  return parseLint(args, env);
}

function parseLint(args: string[], env: { isTTY: boolean; noColor: boolean }): ParsedArgs {
  const paths: string[] = [];
  let format: OutputFormat = 'stylish';
  let maxWarnings: number | undefined;
  let today: string | undefined;
  let color = env.isTTY && !env.noColor;
  let jobs: number | undefined;
  let stats = false;
  const problem = walkArgs(
    args,
    (flag, value) => {
      switch (flag) {
        case '--format':
        case '-f': {
          const v = value();
          if (!v || !(FORMATS as readonly string[]).includes(v)) return usage(`--format must be one of: ${FORMATS.join(', ')}.`);
          format = v as OutputFormat;
          return true;
        }
        case '--max-warnings': {
          const v = value();
          if (v === undefined || !/^\d+$/.test(v)) return usage('--max-warnings needs a whole number, e.g. --max-warnings 0.');
          maxWarnings = Number(v);
          return true;
        }
        case '--today':
          today = isoDate(value());
          return today ? true : TODAY_USAGE;
        case '--jobs':
        case '-j': {
          const v = value();
          if (v === undefined || !/^[1-9]\d{0,2}$/.test(v)) return usage('--jobs needs a number of threads from 1, e.g. --jobs 2.');
          jobs = Number(v);
          return true;
        }
        case '--stats':
          stats = true;
          return true;
        default:
          color = colorOption(flag) ?? color;
          return colorOption(flag) !== undefined;
      }
    },
    (arg) => void paths.push(arg),
    true,
  );
  if (problem) return problem;
  return { command: 'lint', paths, format, today, color, stats, ...(maxWarnings === undefined ? {} : { maxWarnings }), ...(jobs === undefined ? {} : { jobs }) };
}

function parseRender(args: string[]): ParsedArgs {
  let file: string | undefined;
  let output: string | undefined;
  // Widened: the walk assigns it in a callback, which narrowing does not follow.
  let format = 'html' as RenderArgs['format'];
  let paper: RenderArgs['paper'] = 'a4';
  let orientation: RenderArgs['orientation'] = 'auto';
  let browser: string | undefined;
  let locale: string | undefined;
  let today: string | undefined;
  const redact: string[] = [];
  let includeChecks = false;
  const problem = walkArgs(
    args,
    (flag, value) => {
      switch (flag) {
        case '-o':
        case '--output':
          output = value();
          return output ? true : usage('-o needs a file name.');
        case '--format':
        case '-f': {
          const v = value();
          if (v !== 'html' && v !== 'md' && v !== 'pdf') return usage('render --format must be html, md or pdf.');
          format = v;
          return true;
        }
        case '--paper': {
          const v = value()?.toLowerCase();
          if (v !== 'a4' && v !== 'letter') return usage('--paper must be a4 or letter.');
          paper = v;
          return true;
        }
        case '--orientation': {
          const v = value();
          if (v !== 'auto' && v !== 'portrait' && v !== 'landscape') return usage('--orientation must be auto, portrait or landscape.');
          orientation = v;
          return true;
        }
        case '--locale':
          locale = value();
          return locale && isKnownLocale(locale) ? true : LOCALE_USAGE;
        case '--browser':
          browser = value();
          return browser ? true : usage('--browser needs the path of Chrome, Chromium or Edge.');
        case '--redact': {
          for (const field of (value() ?? '').split(',').filter(Boolean)) {
            const problem = redactionProblem(field);
            if (problem) return usage(`--redact takes fees, notes, internal or a field path: ${problem}`);
            redact.push(field);
          }
          return true;
        }
        case '--today':
          today = isoDate(value());
          return today ? true : TODAY_USAGE;
        case '--include-checks':
          includeChecks = true;
          return true;
        default:
          return false;
      }
    },
    (arg) => {
      if (file) return usage('render takes one file.');
      file = arg;
      return undefined;
    },
  );
  if (problem) return problem;
  if (!file) return usage('render needs a file: engagement render <file> -o plan.html');
  if (format === 'pdf' && !output) return usage('a PDF goes to a file: engagement render <file> --format pdf -o plan.pdf');
  return { command: 'render', file, output, format, paper, orientation, ...(browser ? { browser } : {}), ...(locale ? { locale } : {}), redact, includeChecks, today };
}

function parseDiff(args: string[]): ParsedArgs {
  const positional: string[] = [];
  let format: DiffArgs['format'] = 'stylish';
  let failOn: DiffArgs['failOn'];
  let today: string | undefined;
  let base: string | undefined;
  // git appends its seven arguments (nine for a rename) to the configured command.
  if (args[0] === '--git-driver') return args.length >= 8 ? { command: 'diff', mode: 'driver', format, gitArgs: args.slice(1) } : usage('--git-driver takes the arguments git passes an external diff command (see the README).');
  const problem = walkArgs(
    args,
    (flag, value) => {
      switch (flag) {
        case '--format':
        case '-f': {
          const v = value();
          if (v !== 'stylish' && v !== 'json' && v !== 'markdown' && v !== 'github' && v !== 'html') return usage('diff --format must be stylish, json, markdown, github or html.');
          format = v;
          return true;
        }
        case '--fail-on': {
          const v = value();
          if (v !== 'breaking' && v !== 'notable' && v !== 'info') return usage('--fail-on takes breaking, notable or info.');
          failOn = v;
          return true;
        }
        case '--base':
          base = value();
          return base ? true : usage('--base needs a revision: a branch, a tag or a commit.');
        case '--today':
          today = isoDate(value());
          return today ? true : TODAY_USAGE;
        default:
          return false;
      }
    },
    (arg) => void positional.push(arg),
  );
  if (problem) return problem;
  const options = { command: 'diff' as const, format, ...(failOn ? { failOn } : {}), ...(today ? { today } : {}) };
  if (base !== undefined) return { ...options, mode: 'base', base, paths: positional };
  if (positional.length !== 2) return usage('diff compares two versions: engagement diff <base> <revision>, each a path or REV:PATH; or engagement diff --base <rev> [paths…].');
  return { ...options, mode: 'pair', base: positional[0]!, revision: positional[1]! };
}

function parseLog(args: string[]): ParsedArgs {
  let file: string | undefined;
  let format: LogArgs['format'] = 'stylish';
  let since: string | undefined;
  let today: string | undefined;
  const problem = walkArgs(
    args,
    (flag, value) => {
      switch (flag) {
        case '--format':
        case '-f': {
          const v = value();
          if (v !== 'stylish' && v !== 'json' && v !== 'markdown') return usage('log --format must be stylish, json or markdown.');
          format = v;
          return true;
        }
        case '--since':
          since = value();
          return since ? true : usage('--since needs a date, e.g. --since 2026-01-01.');
        case '--today':
          today = isoDate(value());
          return today ? true : TODAY_USAGE;
        default:
          return false;
      }
    },
    (arg) => {
      if (file) return usage('log takes one file.');
      file = arg;
      return undefined;
    },
  );
  if (problem) return problem;
  if (!file) return usage('log needs a file: engagement log acme.engagement.yaml');
  return { command: 'log', file, format, ...(since ? { since } : {}), ...(today ? { today } : {}) };
}

function parsePortfolio(args: string[], env: { isTTY: boolean; noColor: boolean }): ParsedArgs {
  const paths: string[] = [];
  let format: PortfolioArgs['format'] = 'stylish';
  let today: string | undefined;
  let weeks: number | undefined;
  let executive: string | undefined;
  let locale: string | undefined;
  let color = env.isTTY && !env.noColor;
  const problem = walkArgs(
    args,
    (flag, value) => {
      switch (flag) {
        case '--format':
        case '-f': {
          const v = value();
          if (v !== 'stylish' && v !== 'json' && v !== 'markdown' && v !== 'html') return usage('portfolio --format must be stylish, json, markdown or html.');
          format = v;
          return true;
        }
        case '--today':
          today = isoDate(value());
          return today ? true : TODAY_USAGE;
        case '--weeks': {
          const v = value();
          if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_WEEKS_AHEAD) return usage(`--weeks needs a number of weeks from 1 to ${MAX_WEEKS_AHEAD}, e.g. --weeks 12.`);
          weeks = Number(v);
          return true;
        }
        case '--locale':
          locale = value();
          return locale && isKnownLocale(locale) ? true : LOCALE_USAGE;
        case '--executive':
          executive = value();
          return executive?.trim() ? true : usage('--executive needs an e-mail or a name, e.g. --executive dana@example.com.');
        default:
          color = colorOption(flag) ?? color;
          return colorOption(flag) !== undefined;
      }
    },
    (arg) => void paths.push(arg),
    true,
  );
  if (problem) return problem;
  return { command: 'portfolio', paths, format, color, ...(today ? { today } : {}), ...(weeks ? { weeks } : {}), ...(executive ? { executive } : {}), ...(locale ? { locale } : {}) };
}

export const HELP = `engagement — check fractional executive engagement files

Usage:
  engagement lint [paths or globs…] [options]
      Check *.engagement.yaml / *.engagement.yml files. Without paths, every such
      file under the current folder (node_modules and .git are skipped).
  engagement render <file> [-o out.html] [--format html|md|pdf] [--redact <fields>]
                          [--include-checks] [--today YYYY-MM-DD]
                          [--paper a4|letter] [--orientation auto|portrait|landscape] [--browser <path>]
                          [--locale <tag>]
      Write the client's copy (mandate, terms, authority, access and reporting, KPIs,
      plan, reviews) as one self-contained HTML file (no script, no network, print-ready),
      as Markdown, or as a PDF printed by an installed Chrome, Chromium or Edge (-o needed;
      landscape when the content is wider than portrait; each page numbered). Dates,
      numbers and money as --locale writes them (de-DE, en-GB; default ISO dates). Default: stdout.
      The findings are left out unless --include-checks. --redact takes fees, notes,
      internal (both, and export.internal in .engagementrc.yaml) and field paths
      (access.financials, kpis.*.source): their values appear nowhere, findings
      included. -o never overwrites the engagement itself.
  engagement diff <base> <revision> [--format stylish|json|markdown|github|html] [--fail-on <level>]
  engagement diff --base <rev> [paths…] [options]
      The changes of terms between two versions of an engagement, each a path or a git
      REV:PATH (HEAD~1:acme.engagement.yaml); with --base, of every engagement file that
      differs between that revision and the working tree (renames followed, new and deleted
      files included): commitment, term, fees, authority, access, reporting, KPIs, plan,
      reviews, findings; items matched by id. Each change has a level, breaking, notable or
      info (set per kind in .engagementrc.yaml: diff: { levels: { kpi-added: notable } });
      --fail-on exits 1 at that level or above. As git's diff driver: --git-driver.
  engagement log <file> [--since <date>] [--format stylish|json|markdown]
      The amendment history of one engagement from git, newest first: each commit that
      changed its terms, with date, author, subject and the changes; renames followed.
  engagement portfolio [paths or globs…] [--format stylish|json|markdown|html]
                          [--today YYYY-MM-DD] [--weeks N] [--executive <e-mail or name>]
                          [--locale <tag>]
      Every executive's load week by week against their capacity (4 weeks back, N weeks
      from this one, default 12), term ends, notice dates and quarterly assessments due,
      and each engagement's plan position, KPI roll-up and errors. Capacity in days a
      week comes from .engagementrc.yaml: capacity: { default: 5, executives: { <e-mail>: 4 } }.
      --format html writes one self-contained page (no script, no network); its dates,
      and the Markdown's, as --locale writes them.
  engagement lsp --stdio  Run the language server for an editor (diagnostics, completion,
                          hover, navigation, rename, quick fixes, outline) over stdio.
  engagement rules        List the rules with their default severity.
  engagement schema       Print the path of the JSON schema.
  engagement --help | --version

Options for lint:
  -f, --format <name>     stylish (default), json, sarif (SARIF 2.1.0), github (Actions annotations)
  --max-warnings <n>      Fail when there are more than n warnings (default: no limit)
  --today <YYYY-MM-DD>    The date the analysis is about (default: today)
  --color, --no-color     Force or disable colors in stylish output (NO_COLOR is honoured)
  -j, --jobs <n>          Threads to lint with (default: one fewer than the cores, from 64 files on)
  --stats                 Print files per second, peak memory and CPU time to stderr

Severities per rule come from the nearest .engagementrc.yaml above each file:
  rules:
    access-crm: error
    reporting-missing: off

Exit codes: 0 clean (info findings and warnings within --max-warnings), 1 errors or too
many warnings, 2 usage or file errors (the other files are still checked).
`;
