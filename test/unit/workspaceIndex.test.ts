import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import type { EngagementCard } from '../../src/core/card';
import type { CardStore, ServiceHost } from '../../src/core/service/host';
import { childNodes } from '../../src/core/service/treeModel';
import { WorkspaceIndex } from '../../src/core/service/workspaceIndex';
import { BASE, edit } from './helpers';

/** Cards kept in memory, counting what a scan reused. */
class MemoryCards implements CardStore {
  private before = new Map<string, { text: string; card: EngagementCard }>();
  private seen = new Map<string, { text: string; card: EngagementCard }>();
  reused = 0;
  begin(): void {
    if (this.seen.size > 0) this.before = new Map(this.seen);
    this.seen.clear();
    this.reused = 0;
  }
  cardOf(uri: string, text: string, read: () => EngagementCard): EngagementCard {
    const cached = this.before.get(uri);
    const card = cached?.text === text ? (this.reused++, cached.card) : read();
    this.seen.set(uri, { text, card });
    return card;
  }
  save(): void {
    // Kept in memory: the next begin() reuses what this scan saw.
  }
}

/** A workspace of files in memory: the service's host, as the server gives it one. */
function memoryHost(files: Map<string, string>, cards?: CardStore): ServiceHost {
  return {
    findEngagementFiles: async () => [...files.keys()],
    readFile: async (uri) => files.get(uri),
    settingsFor: async () => ({ rules: {}, today: '2026-02-07' }),
    relativePath: (uri) => uri.replace('mem:///', ''),
    pause: () => new Promise((resolve) => setImmediate(resolve)),
    cards,
  };
}

function workspaceOf(count: number): Map<string, string> {
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) files.set(`mem:///e${String(i).padStart(3, '0')}.engagement.yaml`, edit(edit(BASE, 'id: base-cro', `id: e${i}`), 'crm: full', 'crm: view'));
  return files;
}

describe('the workspace index', () => {
  it('shows every file from its outline first, then with its findings once checked', async () => {
    const files = workspaceOf(40);
    const index = new WorkspaceIndex(memoryHost(files));
    const first = [...files.keys()][0]!;
    const seen: string[][] = [];
    index.onDidChange(() => {
      const entry = index.get(first)!;
      seen.push(childNodes(first, entry, index.portfolioFor(first), '2026-02-07').map((n) => n.label));
    });
    await index.checked();
    assert.deepEqual(seen[0], ['Phases', 'KPIs', 'Authority', 'Checking…'], 'shown from the outline first');
    assert.match(seen.at(-1)!.at(-1)!, /^\d+ findings?$/);
    assert.ok(index.all().every((e) => e.checked && e.findings.some((f) => f.ruleId === 'access-crm')));
  });

  it('lets a newer scan take over an older one, reading each file once for it', async () => {
    const files = workspaceOf(300);
    const cards = new MemoryCards();
    const index = new WorkspaceIndex(memoryHost(files, cards));
    await index.checked();
    assert.equal(index.state().reusedCards, 0);
    // Two scans at once, as a settings change right after start would make: the second wins.
    const older = index.rescan();
    const newer = index.rescan();
    await Promise.all([older, newer]);
    assert.equal(index.state().reusedCards, files.size, 'each card reused once, by the newer scan');
    assert.equal(index.all().length, files.size);
    assert.ok(index.all().every((e) => e.checked));
  });

  it('takes an open document over the file on disk, and the file again once it closes', async () => {
    const files = workspaceOf(2);
    const index = new WorkspaceIndex(memoryHost(files));
    await index.checked();
    const uri = [...files.keys()][0]!;
    const typed = edit(files.get(uri)!, 'title: Base engagement', 'title: Typed');
    index.updateOpen(uri, typed, analyze(typed, { today: '2026-02-07' }));
    await index.rescan();
    assert.equal(index.get(uri)!.card.model?.title, 'Typed');
    await index.closeOpen(uri);
    assert.equal(index.get(uri)!.card.model?.title, 'Base engagement');
  });

  it('weighs the portfolio again only when an edit changes what it reads', async () => {
    // Three executives, one engagement each: no portfolio findings to begin with.
    const files = new Map([...workspaceOf(3)].map(([uri, text], i) => [uri, edit(text, 'email: alex@example.com', `email: exec${i}@example.com`)]));
    const host = memoryHost(files);
    let weighed = 0;
    const index = new WorkspaceIndex({ ...host, settingsFor: (uri) => (weighed++, host.settingsFor(uri)) });
    await index.checked();
    const uri = [...files.keys()][0]!;
    const typeIn = async (text: string): Promise<number> => {
      const before = weighed;
      index.updateOpen(uri, text, analyze(text, { today: '2026-02-07' }));
      await index.refreshOpen();
      return weighed - before;
    };
    const text = files.get(uri)!;
    assert.equal(await typeIn(text), 0, 'opened with the text on disk: nothing new to weigh');
    assert.equal(await typeIn(edit(text, 'name: Revenue', 'name: Net revenue')), 0, 'a KPI name is not weighed');
    assert.ok((await typeIn(edit(text, 'days-per-week: 2', 'days-per-week: 4'))) > 0, 'the commitment is');
  });

  it('names the files whose lines changed, and none when the list of files may have', async () => {
    const files = new Map([...workspaceOf(3)].map(([uri, text], i) => [uri, edit(text, 'email: alex@example.com', `email: exec${i}@example.com`)]));
    const host = memoryHost(files);
    const index = new WorkspaceIndex(host);
    await index.checked();
    const told: (readonly string[] | undefined)[] = [];
    index.onDidChange((changed) => told.push(changed));
    const [uri] = [...files.keys()];
    const text = edit(files.get(uri!)!, 'name: Revenue', 'name: Net revenue');
    index.updateOpen(uri!, text, analyze(text, { today: '2026-02-07' }));
    await index.refreshOpen();
    assert.deepEqual(told, [[uri]], 'typing in one file names that file');
    files.set('mem:///new.engagement.yaml', edit(BASE, 'id: base-cro', 'id: new'));
    await index.readFromDisk('mem:///new.engagement.yaml');
    await index.refresh();
    assert.equal(told.length, 2);
    assert.equal(told[1], undefined, 'a new file: the list itself changed');
  });
});
