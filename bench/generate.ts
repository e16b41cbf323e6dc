/**
 * Engagement files of a chosen length: the clean base fixture with generated KPIs (ten
 * lines each) inserted, so every size is a valid, realistic file that exercises all layers.
 */
export function generateEngagement(base: string, lines: number): string {
  const baseLines = base.split('\n').length;
  const count = Math.max(0, Math.ceil((lines - baseLines) / 10));
  let kpis = '';
  for (let i = 0; i < count; i++) {
    kpis +=
      `  - id: generated-${i}\n` +
      `    name: Generated indicator ${i}\n` +
      `    type: ${i % 2 ? 'lagging' : 'leading'}\n` +
      `    unit: count\n` +
      `    baseline: ${10 + i}\n` +
      `    target: ${20 + i}\n` +
      `    by: 2026-06-30\n` +
      `    source: CRM\n` +
      `    actuals:\n` +
      `      - { date: 2026-03-01, value: ${12 + i} }\n`;
  }
  return base.replace('kpis:\n', `kpis:\n${kpis}`);
}
