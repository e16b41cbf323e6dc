import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { completionsAt } from '../../src/core/editing/completions';
import { cursorContext } from '../../src/core/editing/cursor';
import { hoverAt } from '../../src/core/editing/hover';
import { definitionsAt, referencesAt, renameAt } from '../../src/core/editing/navigation';
import { outlineOf } from '../../src/core/editing/outline';
import { BASE, edit } from './helpers';

/** Text with `|` at the cursor → the text without it and the cursor's offset. */
function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

const model = analyze(BASE).model;
const labels = (marked: string): string[] => {
  const { text, offset } = at(marked);
  return completionsAt(text, offset, model).map((c) => c.label);
};

describe('cursor context', () => {
  it('knows a key being typed in a nested map', () => {
    const { text, offset } = at(edit(BASE, '    by: day 90\n', '    by: day 90\n    tar|\n'));
    const context = cursorContext(text, offset);
    assert.equal(context?.kind, 'key');
    assert.deepEqual(context?.path, ['kpis', 1]);
  });

  it('knows a value in a flow list', () => {
    const { text, offset } = at(edit(BASE, 'authority: [stages]', 'authority: [stages, |]'));
    assert.deepEqual(cursorContext(text, offset), { kind: 'value', path: ['kpis', 0, 'authority', 1], range: { start: offset, end: offset } });
  });
});

describe('completion', () => {
  it('offers the keys missing from a KPI, required ones first', () => {
    const list = labels(edit(BASE, '    by: day 90\n', '    by: day 90\n    |\n'));
    assert.ok(list.includes('unit') && list.includes('direction') && list.includes('actuals'));
    assert.ok(!list.includes('baseline'), 'keys already present are not offered');
    const { text, offset } = at(edit(BASE, '  - id: pipeline\n', '  - |\n  - id: pipeline\n'));
    const first = completionsAt(text, offset, model).sort((a, b) => a.sortText.localeCompare(b.sortText))[0]!;
    assert.equal(first.label, 'id');
    assert.equal(first.detail, 'required');
  });

  it('offers enum values with their meaning', () => {
    const { text, offset } = at(edit(BASE, 'crm: full', 'crm: |'));
    const items = completionsAt(text, offset, model);
    assert.deepEqual(items.map((c) => c.label), ['none', 'view', 'full']);
    assert.match(items[2]!.documentation!, /Full access/);
  });

  it('offers the ids the format cross-references', () => {
    assert.deepEqual(labels(edit(BASE, '{ name: Outbound, kpi: revenue,', '{ name: Outbound, kpi: |,')), ['pipeline', 'revenue']);
    assert.deepEqual(labels(edit(BASE, 'phase: execute }', 'phase: | }')), ['diagnostic', 'build', 'execute']);
    assert.deepEqual(labels(edit(BASE, 'authority: [stages]', 'authority: [|]')), ['hiring', 'spend', 'stages', 'icp']);
    assert.deepEqual(labels(edit(BASE, '    by: day 90\n', '    by: day 90\n    owner: |\n')), ['cfo', 'exec', 'ceo']);
  });

  it('offers parties and levels in an authority row', () => {
    const keys = labels(edit(BASE, '      decision: Sales stages\n', '      decision: Sales stages\n      |\n'));
    assert.ok(keys.includes('ceo') && keys.includes('cfo') && keys.includes('limit'));
    assert.ok(!keys.includes('exec'), 'parties already in the row are not offered');
    assert.deepEqual(labels(edit(BASE, '      cfo: consult', '      cfo: |')), ['decide', 'approve', 'recommend', 'consult', 'inform']);
  });
});

describe('hover', () => {
  const analysis = analyze(BASE);
  const offsetOf = (needle: string, delta = 1): number => BASE.indexOf(needle) + delta;

  it('describes a key from the schema', () => {
    assert.match(hoverAt(analysis, offsetOf('ceo-one-on-one'))!.contents, /standing one-on-one with the CEO/);
  });

  it('explains an enum value', () => {
    assert.match(hoverAt(analysis, offsetOf('crm: full', 6))!.contents, /^`full`: Full access/);
  });

  it('says what an id refers to', () => {
    assert.match(hoverAt(analysis, offsetOf('[stages]', 2))!.contents, /\*\*Decision\*\* `stages` \(process\): Sales stages/);
    assert.match(hoverAt(analysis, offsetOf('kpi: revenue', 6))!.contents, /\*\*KPI\*\* `revenue`: Revenue \(lagging\)/);
  });
});

describe('navigation', () => {
  const analysis = analyze(BASE);
  it('goes from a reference to its declaration', () => {
    const [definition] = definitionsAt(analysis, BASE.indexOf('[stages]') + 2);
    assert.equal(BASE.slice(definition!.range.start, definition!.range.end), 'stages');
    assert.equal(definition!.range.start, BASE.indexOf('- id: stages') + '- id: '.length);
  });

  it('finds every reference of a KPI', () => {
    const places = referencesAt(analysis, BASE.indexOf('- id: pipeline') + 7);
    assert.equal(places.length, 3); // the declaration and two quick wins
  });

  it('renames a phase everywhere, and refuses bad names', () => {
    const offset = BASE.indexOf('- id: build') + 7;
    const result = renameAt(analysis, BASE, offset, 'construct');
    assert.ok('edits' in result);
    assert.equal(result.edits.length, 4); // the phase and three plan items
    assert.ok('error' in renameAt(analysis, BASE, offset, 'Not A Slug'));
    assert.ok('error' in renameAt(analysis, BASE, offset, 'execute'));
  });
});

describe('outline', () => {
  it('lists sections with KPIs, phases and decisions by name', () => {
    const outline = outlineOf(analyze(BASE));
    assert.deepEqual(outline.map((e) => e.name).slice(0, 4), ['format', 'id', 'title', 'status']);
    const kpis = outline.find((e) => e.name === 'kpis')!;
    assert.deepEqual(kpis.children.map((c) => c.name), ['Qualified pipeline', 'Revenue']);
    const plan = outline.find((e) => e.name === 'plan')!;
    assert.deepEqual(plan.children[0]!.children.map((c) => c.name), ['Interviews']);
  });
});
