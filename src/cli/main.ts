import * as fs from 'node:fs';
import * as path from 'node:path';
import packageJson from '../../package.json';
import { RULE_CATALOG } from '../core/rules';
import { printable } from '../core/text/safeText';
import { HELP, parseArgs } from './args';
import { runLint } from './lint';
import { isShardThread, serveShard } from './lintWorkers';
import { runDiff } from './diff';
import { runLog } from './log';
import { runPortfolio } from './portfolio';
import { runRender } from './render';

/** Entry point of the `engagement` command. Resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv, { isTTY: Boolean(process.stdout.isTTY), noColor: 'NO_COLOR' in process.env });
  switch (parsed.command) {
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case 'version':
      process.stdout.write(`${packageJson.version}\n`);
      return 0;
    case 'usage-error':
      process.stderr.write(`engagement: ${printable(parsed.message)}\nRun \`engagement --help\` for usage.\n`);
      return 2;
    case 'schema': {
      const schema = path.resolve(__dirname, '..', 'schemas', 'engagement.schema.json');
      if (!fs.existsSync(schema)) {
        process.stderr.write(`engagement: the schema is missing from this installation (${schema}).\n`);
        return 2;
      }
      process.stdout.write(`${schema}\n`);
      return 0;
    }
    case 'rules': {
      const width = Math.max(...RULE_CATALOG.map((r) => r.id.length));
      for (const rule of RULE_CATALOG) process.stdout.write(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.docs.summary}\n`);
      return 0;
    }
    case 'lsp':
      // The server is a bundle of its own beside this one; it runs until the editor stops it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- dist/server.js, beside this bundle (external in esbuild.mjs)
      (require('./server.js') as { runNodeServer(): void }).runNodeServer();
      return new Promise<number>(() => undefined);
    case 'diff': {
      const outcome = runDiff(parsed, process.cwd());
      process.stdout.write(outcome.stdout);
      writeProblems(outcome.stderr);
      return outcome.exitCode;
    }
    case 'log': {
      const outcome = runLog(parsed, process.cwd());
      process.stdout.write(outcome.stdout);
      writeProblems(outcome.stderr);
      return outcome.exitCode;
    }
    case 'portfolio': {
      const outcome = runPortfolio(parsed, process.cwd());
      process.stdout.write(outcome.stdout);
      writeProblems(outcome.stderr);
      return outcome.exitCode;
    }
    case 'render': {
      const outcome = await runRender(parsed, process.cwd());
      process.stdout.write(outcome.stdout);
      writeProblems(outcome.stderr);
      return outcome.exitCode;
    }
    case 'lint': {
      // This bundle is also the worker script of the lint threads.
      const outcome = await runLint(parsed, process.cwd(), packageJson.version, __filename);
      process.stdout.write(outcome.stdout);
      writeProblems(outcome.stderr);
      return outcome.exitCode;
    }
  }
}

/** Each problem on its own line of stderr; names and values in it from files stay one line of plain text. */
function writeProblems(lines: readonly string[]): void {
  for (const line of lines) process.stderr.write(`engagement: ${printable(line)}\n`);
}

if (isShardThread()) {
  serveShard();
} else {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      writeProblems(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`.split('\n'));
      process.exitCode = 2;
    },
  );
}
