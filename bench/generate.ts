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

/**
 * The same file with `count` schema errors spread through its generated KPIs: in turn an
 * unknown key, a wrong enum value and a wrong type, so findings are part of what is timed.
 */
export function withSchemaErrors(text: string, count: number): string {
  const kpis = [...text.matchAll(/^ {2}- id: generated-(\d+)\n/gm)].length;
  const step = Math.max(1, Math.floor(kpis / count));
  let result = text;
  for (let n = 0; n < count; n++) {
    const i = n * step;
    const mistake = [`    sourse: CRM\n`, `    type: lagard\n`, `    target: twenty\n`][n % 3]!;
    const field = [/( {4}source: CRM\n)/, /( {4}type: \w+\n)/, /( {4}target: \d+\n)/][n % 3]!;
    result = result.replace(new RegExp(`(  - id: generated-${i}\\n(?:    .*\\n)*?)${field.source}`), `$1${mistake}`);
  }
  return result;
}
