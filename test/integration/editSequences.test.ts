import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as vscode from 'vscode';
import { analyze } from '../../src/core/analyze';
import { FUZZ_RUNS } from '../unit/fuzz';
import { activateExtension, codeOf, diagnosticsWhen, fileUri } from './helpers';

/**
 * Model-based: random edit sequences typed into a real editor faster than the throttle, with
 * pauses now and then. Every set of diagnostics VS Code shows must be the analysis of a text
 * the document really had, never older than one already shown, and the last must be the
 * analysis of the final text.
 */
interface Model {
  /** Every text the document has had in this run, oldest first. */
  readonly texts: string[];
}
interface Real {
  readonly document: vscode.TextDocument;
  readonly editor: vscode.TextEditor;
  /** The diagnostics after each change event, as signatures. */
  readonly shown: string[][];
}

/** What a diagnostic or a finding looks like on screen: rule, message and place. */
const signature = (ruleId: string, message: string, range: vscode.Range): string =>
  `${ruleId}|${message}|${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

// Portfolio findings come from the other files in the workspace; they are not this file's own.
const ownFindings = (ruleId: string): boolean => ruleId !== 'portfolio-overcommitted';

function expected(text: string): string[] {
  const analysis = analyze(text, { today: vscode.workspace.getConfiguration('engagementKit').get<string>('today') || undefined });
  return analysis.findings
    .filter((f) => ownFindings(f.ruleId))
    .map((f) => {
      const start = analysis.lines.positionAt(f.range.start);
      const end = analysis.lines.positionAt(f.range.end);
      return signature(f.ruleId, f.message, new vscode.Range(start.line, start.character, end.line, end.character));
    })
    .sort();
}

const shownNow = (uri: vscode.Uri): string[] =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => ownFindings(codeOf(d)))
    .map((d) => signature(codeOf(d), d.message, d.range))
    .sort();

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

class Insert implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly at: number,
    private readonly piece: string,
  ) {}
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const text = model.texts.at(-1)!;
    const offset = Math.floor(this.at * text.length);
    assert.ok(await real.editor.edit((b) => b.insert(real.document.positionAt(offset), this.piece)), 'the edit applies');
    model.texts.push(text.slice(0, offset) + this.piece + text.slice(offset));
    assert.equal(real.document.getText(), model.texts.at(-1));
  }
  toString = (): string => `insert ${JSON.stringify(this.piece)} at ${this.at.toFixed(3)}`;
}

class Delete implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly at: number,
    private readonly length: number,
  ) {}
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const text = model.texts.at(-1)!;
    const start = Math.floor(this.at * text.length);
    const end = Math.min(text.length, start + this.length);
    assert.ok(await real.editor.edit((b) => b.delete(new vscode.Range(real.document.positionAt(start), real.document.positionAt(end)))), 'the edit applies');
    model.texts.push(text.slice(0, start) + text.slice(end));
    assert.equal(real.document.getText(), model.texts.at(-1));
  }
  toString = (): string => `delete ${this.length} at ${this.at.toFixed(3)}`;
}

/** A pause: wait until the diagnostics shown are those of the current text. */
class Settle implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(model: Model, real: Real): Promise<void> {
    const want = expected(model.texts.at(-1)!);
    await diagnosticsWhen(real.document.uri, () => same(shownNow(real.document.uri), want), 10_000);
  }
  toString = (): string => 'settle';
}

const PIECES = ['x', ' ', '\n', ': ', '- ', '#', '[', '"', 'crm: view\n', 'status: actve\n', '  targt: 1\n', '\t'];
const commands = [
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...PIECES)).map(([at, piece]) => new Insert(at, piece)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 30 })).map(([at, length]) => new Delete(at, length)),
  fc.constant(new Settle()),
];

describe('edit sequences through the editor pipeline (fast-check, model-based)', function () {
  this.timeout(600_000);
  const uri = fileUri('sequence.engagement.yaml');
  let base = '';

  before(async () => {
    await activateExtension();
    // A draft: the portfolio rule counts active engagements only, so this file cannot change
    // what other tests expect of the rest of the workspace.
    base = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('findings.engagement.yaml'))).replace('status: active', 'status: draft').replace('id: other-cro', 'id: sequence');
    assert.match(base, /status: draft/);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(base));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  it('never shows diagnostics older than ones already shown, and ends with those of the final text', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    let sequences = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 14 }), async (cmds) => {
        // Start each run from the saved text, with its diagnostics shown.
        await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), base));
        const model: Model = { texts: [base] };
        await new Settle().run(model, { document, editor, shown: [] });
        const shown: string[][] = [];
        const listener = vscode.languages.onDidChangeDiagnostics((e) => {
          if (e.uris.some((u) => u.toString() === uri.toString())) shown.push(shownNow(uri));
        });
        try {
          await fc.asyncModelRun(() => ({ model, real: { document, editor, shown } }), cmds);
          await new Settle().run(model, { document, editor, shown });
        } finally {
          listener.dispose();
        }
        // Each shown set is the analysis of some text the document had, in order.
        const analyses = model.texts.map((text) => expected(text));
        let floor = 0;
        for (const [i, set] of shown.entries()) {
          const at = analyses.findIndex((a, version) => version >= floor && same(a, set));
          assert.ok(at >= 0, `shown set ${i} of ${shown.length} is the analysis of no text at or after version ${floor} of ${analyses.length}:\n${set.join('\n')}`);
          floor = at;
        }
        sequences++;
      }),
      { numRuns: Math.max(10, Math.ceil(FUZZ_RUNS / 10)) },
    );
    console.log(`[engagement-test]       ${sequences} edit sequences checked`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
