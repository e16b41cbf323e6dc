/// <reference lib="dom" />
import * as fs from 'node:fs';
import type { Frame, Page } from 'playwright-core';

/** The rules a page is held to: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let source: string | undefined;

/**
 * axe-core's violations on a page or frame, one line each with the elements that fail. axe is
 * evaluated through the browser's debugging protocol, which a page's CSP does not govern: the
 * page is checked with its CSP as it ships, nothing loosened, no script tag added.
 */
export async function axeViolations(target: Page | Frame, options: { exclude?: string[] } = {}): Promise<string[]> {
  source ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await target.evaluate(source);
  const violations = await target.evaluate(
    async ({ tags, exclude }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
      const result = await axe.run({ include: [document], exclude: exclude.map((e) => [e]) }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`) }));
    },
    { tags: AXE_TAGS, exclude: options.exclude ?? [] },
  );
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s), e.g. ${v.nodes.slice(0, 3).join(' | ')}`);
}
