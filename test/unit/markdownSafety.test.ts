import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { analyze } from '../../src/core/analyze';
import { dayOf } from '../../src/core/model/dates';
import { renderMarkdown } from '../../src/core/render/markdown';
import { markdownText } from '../../src/core/text/safeText';
import { BASE, edit, ROOT } from './helpers';

const today = dayOf('2026-02-07');
const HOSTILE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'hostile.engagement.yaml'), 'utf8');

/** A CommonMark renderer set up as a pull-request comment is: HTML allowed, bare URLs linked, tables. */
const markdown = new MarkdownIt({ html: true, linkify: true });

/** Every token of a rendered document, inline children included. */
function tokensOf(source: string): Token[] {
  const all: Token[] = [];
  const walk = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      all.push(token);
      if (token.children) walk(token.children);
    }
  };
  walk(markdown.parse(source, {}));
  return all;
}

/** The visible text of a rendered document. */
function textOf(source: string): string {
  return tokensOf(source)
    .filter((t) => t.type === 'text' || t.type === 'code_inline')
    .map((t) => t.content)
    .join('');
}

/** Values that would act as Markdown if printed raw: each must come out as its own text. */
const PAYLOADS = [
  '![](https://127.0.0.1:9/pixel.png)',
  '[click](javascript:alert(1))',
  '```',
  '<img src=x onerror=alert(1)>',
  '# A heading',
  '- a list item',
  '1. an ordered item',
  '> a quote',
  '| a | table |',
  '**bold** _em_ ~~gone~~ `code` $x^2$',
  '<!-- hidden -->',
  '[ref]: https://127.0.0.1:9/',
  '===',
];

/** No value made markup; `ours` names what the renderer itself writes (its bullet list of facts). */
function assertInert(source: string, ours: readonly string[] = []): void {
  const kinds = new Set(tokensOf(source).map((t) => t.type));
  ours.forEach((kind) => kinds.delete(kind));
  for (const kind of ['image', 'html_inline', 'html_block', 'fence', 'code_block', 'code_inline', 'blockquote_open', 'bullet_list_open', 'ordered_list_open', 's_open', 'em_open']) {
    assert.ok(!kinds.has(kind), `a value became ${kind}`);
  }
  for (const token of tokensOf(source).filter((t) => t.type === 'link_open')) {
    assert.match(token.attrGet('href') ?? '', /^https?:\/\//, 'only plain web addresses may be linked, as any text is');
  }
}

describe('Markdown output keeps values as text', () => {
  for (const payload of PAYLOADS) {
    it(`shows ${JSON.stringify(payload)} as itself, in a paragraph and in a table cell`, () => {
      const escaped = markdownText(payload);
      assertInert(escaped);
      assert.equal(textOf(escaped), payload);
      const table = `| a | b |\n|---|---|\n| ${escaped} | x |\n`;
      assertInert(table);
      const cells = tokensOf(table).filter((t) => t.type === 'td_open').length;
      assert.equal(cells, 2, 'the value stays in its cell');
      assert.ok(textOf(table).includes(payload));
    });
  }

  it('notifies nobody: an @name is shown with a zero-width space after the @', () => {
    const text = textOf(markdownText('ask @octocat or @org/team, mail ceo@client.example'));
    assert.doesNotMatch(text, /@[\w-]/);
    assert.equal(text.replace(/\u200b/g, ''), 'ask @octocat or @org/team, mail ceo@client.example');
  });

  it('shows no control character, and keeps a value on one line', () => {
    assert.equal(markdownText('a\nb\r\nc'), 'a b c');
    assert.doesNotMatch(markdownText('x\u001b]0;title\u0007y\u202ez'), /[\u0000-\u001f\u007f-\u009f\u202e]/);
  });

  it('renders the hostile fixture with no markup from its values', () => {
    const md = renderMarkdown(analyze(HOSTILE), { today });
    assertInert(md, ['bullet_list_open']);
    assert.ok(textOf(md).includes("<script>window.__pwned = 'title'</script> Hostile & Co"));
  });

  it('renders the payloads in each field a table or paragraph shows, tables intact', () => {
    const all = JSON.stringify(PAYLOADS.join(' '));
    const fields = ['title: Base engagement', 'name: Base Co', 'problem: Pipeline is thin.', 'decision: Sales stages', 'name: Revenue'];
    for (const field of fields) {
      const key = field.slice(0, field.indexOf(':'));
      const md = renderMarkdown(analyze(edit(BASE, field, `${key}: ${all}`)), { today });
      assertInert(md, ['bullet_list_open']);
      assert.ok(textOf(md).includes(PAYLOADS.join(' ')), `${key} shown as written`);
      const rows = tokensOf(md).filter((t) => t.type === 'tr_open').length;
      const plain = tokensOf(renderMarkdown(analyze(BASE), { today })).filter((t) => t.type === 'tr_open').length;
      assert.equal(rows, plain, `the tables keep their rows with a payload in ${key}`);
    }
  });
});
