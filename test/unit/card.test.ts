import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { planPosition, positionIn } from '../../src/core/calendar';
import { cardOf, portfolioInputOf, readCard } from '../../src/core/card';
import { dayOf, parseDay } from '../../src/core/model/dates';
import { portfolioFindings } from '../../src/core/portfolio';
import { writeWorkspace } from '../../bench/workspace';
import { BASE, edit, ROOT } from './helpers';
import { scratchFolder } from './scratchFolders';

/** Files with plans, without, broken, and a workspace where executives are shared (so there are overloads). */
function texts(): string[] {
  const examples = fs.readdirSync(path.join(ROOT, 'examples')).map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));
  const dir = scratchFolder('engagement-cards-');
  const generated = writeWorkspace(dir, 120, examples, 25).map((f) => fs.readFileSync(f, 'utf8'));
  const fixtures = fs.readdirSync(path.join(ROOT, 'test', 'fixtures')).filter((f) => f.endsWith('.yaml'));
  return [
    ...examples,
    ...generated,
    ...fixtures.map((f) => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', f), 'utf8')),
    edit(BASE, 'plan:\n', 'plan:\n  start: 2026-01-12\n'),
    edit(BASE, 'commitment:', 'commitment: [broken'),
    '',
  ];
}

/**
 * A card is what the Engagements view lists and the portfolio rule weighs, for a file that
 * nobody has opened: it must say what the whole analysis says.
 */
describe('engagement cards', () => {
  const all = texts();

  it('read from a text alone are the cards of its whole analysis', () => {
    for (const text of all) assert.deepStrictEqual(readCard(text, { today: '2026-03-01' }), cardOf(analyze(text, { today: '2026-03-01' })), text.slice(0, 80));
  });

  it('give the portfolio rule the same findings as whole analyses', () => {
    const analyses = all.map((text) => analyze(text, { today: '2026-03-01' }));
    const paths = all.map((_, i) => `file-${i}.engagement.yaml`);
    const whole = portfolioFindings(analyses.map((analysis, i) => ({ path: paths[i]!, analysis })));
    const cards = portfolioFindings(all.map((text, i) => ({ path: paths[i]!, analysis: portfolioInputOf(readCard(text, { today: '2026-03-01' })) })));
    assert.ok(whole.size > 10, `${whole.size} files with portfolio findings: too few to compare`);
    assert.deepStrictEqual(cards, whole);
  });

  it('place today in the plan as the model does, before, during and after it', () => {
    let compared = 0;
    for (const text of all) {
      const analysis = analyze(text);
      const card = cardOf(analysis);
      assert.equal(card.model === undefined, analysis.model === undefined);
      assert.equal(card.syntaxBroken, analysis.syntaxBroken);
      if (!analysis.model) continue;
      for (const day of ['2025-12-01', '2026-01-05', '2026-02-14', '2026-03-31', '2026-04-06', '2027-01-01']) {
        const expected = planPosition(analysis.model, parseDay(day)!);
        const actual = positionIn(card.plan, parseDay(day)!);
        // The card keeps a phase's id and name, all a position names.
        const named = expected.state === 'in-progress' && expected.phase ? { ...expected, phase: { id: expected.phase.id, name: expected.phase.name } } : expected;
        assert.deepStrictEqual(actual, named, `${day}: ${analysis.model.id}`);
        compared++;
      }
    }
    assert.ok(compared > 100, `${compared} positions compared`);
    assert.equal(positionIn(undefined, dayOf(undefined)).state, 'no-plan');
  });

  it('keep what the first line of a list and the portfolio show, and under a kilobyte of it', () => {
    const analysis = analyze(BASE);
    const card = cardOf(analysis);
    const model = analysis.model!;
    assert.deepStrictEqual(
      [card.model?.title, card.model?.client, card.model?.executive, card.model?.status, card.model?.id, card.model?.commitment],
      [model.title, model.client, model.executive, model.status, model.id, model.commitment],
    );
    assert.deepStrictEqual(card.commitmentKey, analysis.sourceMap.rangeOf('/commitment', 'key'));
    const cardSize = JSON.stringify(card).length;
    const modelSize = JSON.stringify(model).length;
    // The portfolio's KPI facts and dates are in it too: still a third of the model at most.
    assert.ok(cardSize < 1024 && cardSize * 3 < modelSize, `card ${cardSize} bytes, model ${modelSize}`);
  });
});
