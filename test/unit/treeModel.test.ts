import * as assert from 'node:assert/strict';
import { createEngagementService } from '../../src/core/service/engagementService';
import type { ServiceHost } from '../../src/core/service/host';
import type { TreeNode } from '../../src/core/service/treeModel';
import { BASE } from './helpers';

const URI = 'mem:///base.engagement.yaml';

function serviceOn(locale?: string): ReturnType<typeof createEngagementService> {
  const host: ServiceHost = {
    findEngagementFiles: async () => [URI],
    readFile: async (uri) => (uri === URI ? BASE : undefined),
    settingsFor: async () => ({ rules: {}, today: '2026-02-07', ...(locale ? { locale } : {}) }),
    relativePath: () => 'base.engagement.yaml',
    pause: () => new Promise((resolve) => setImmediate(resolve)),
  };
  return createEngagementService(host);
}

async function childrenOf(service: ReturnType<typeof createEngagementService>, kind: string): Promise<TreeNode[]> {
  return service.tree(`${URI}\n${kind}`);
}

describe('the Engagements tree', () => {
  it('says to a screen reader what a sighted person sees: status, phase and day, and a KPI\'s status', async () => {
    const service = serviceOn();
    const [engagement] = await service.tree(undefined);
    assert.equal(engagement!.accessibilityLabel, 'Base engagement, engagement, client Base Co, CRO, status active, Day 34 of 90, phase build');
    const phases = await childrenOf(service, 'phases');
    assert.deepEqual(
      phases.map((p) => p.accessibilityLabel),
      [
        'diagnostic phase, days 1-30, 2026-01-05 to 2026-02-03',
        'build phase, days 31-60, 2026-02-04 to 2026-03-05, current phase, day 34 of 90',
        'execute phase, days 61-90, 2026-03-06 to 2026-04-04',
      ],
    );
    // The icon says the KPI's status; so does what is read aloud, and it agrees with the icon.
    for (const kpi of await childrenOf(service, 'kpis')) {
      const status = kpi.contextValue.replace('kpi-', '');
      const words = { 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track', done: 'done', 'no-data': 'no data yet' }[status]!;
      assert.ok(kpi.accessibilityLabel.startsWith(`${kpi.label}, `), kpi.accessibilityLabel);
      assert.ok(kpi.accessibilityLabel.includes(`KPI, ${words}, baseline`), kpi.accessibilityLabel);
    }
    for (const node of [...phases, ...(await childrenOf(service, 'kpis')), ...(await childrenOf(service, 'authority'))]) assert.ok(node.accessibilityLabel.length > node.label.length, node.label);
  });

  it('writes its dates as the editor\'s locale does', async () => {
    const service = serviceOn('de-DE');
    const phases = await childrenOf(service, 'phases');
    assert.equal(phases[0]!.description, 'days 1-30 · 5. Jan. 2026 → 3. Feb. 2026');
    const kpis = await childrenOf(service, 'kpis');
    assert.ok(kpis.some((k) => k.tooltip?.endsWith('due 30. Juni 2026')), kpis.map((k) => k.tooltip).join(' | '));
    for (const node of [...phases, ...kpis]) assert.doesNotMatch(`${node.description} ${node.tooltip ?? ''} ${node.accessibilityLabel}`, /\d{4}-\d{2}-\d{2}/);
  });
});
