import type { Engagement } from './model/engagement';
import { countOf } from './text/numbers';
import type { RawFinding } from './types';
import { pointerOf, type SourceMap } from './yaml/sourceMap';

/** What the rule reads of a file: its engagement's id and where it is written (a card gives both). */
export interface WorkspaceIdInput {
  readonly model: Pick<Engagement, 'id'> | undefined;
  readonly sourceMap: Pick<SourceMap, 'rangeOf'>;
}

/** How many of the other files with the same id a message names; the rest are counted. */
const NAMED_FILES = 3;

/**
 * `duplicate-engagement-id`: engagement ids are unique in a workspace, so every file whose
 * `id` another file also has gets a finding on its id, naming a few of the others. Linear in
 * the number of files; the messages do not grow with it.
 */
export function addDuplicateIdFindings(entries: readonly { path: string; analysis: WorkspaceIdInput }[], result: Map<number, RawFinding[]>): void {
  const byId = new Map<string, number[]>();
  entries.forEach(({ analysis }, index) => {
    const id = analysis.model?.id;
    if (!id) return;
    const list = byId.get(id);
    if (list) list.push(index);
    else byId.set(id, [index]);
  });
  for (const [id, indexes] of byId) {
    if (indexes.length < 2) continue;
    for (const index of indexes) {
      const others = indexes.filter((i) => i !== index);
      const named = others.slice(0, NAMED_FILES).map((i) => entries[i]!.path);
      const more = others.length - named.length;
      const message =
        `The engagement id \`${id}\` is also the id of ${named.join(', ')}${more > 0 ? ` and ${countOf(more, 'other file')}` : ''}: ` +
        'ids are unique in a workspace. Give this engagement an id of its own.';
      const range = entries[index]!.analysis.sourceMap.rangeOf(pointerOf(['id']), 'value');
      const list = result.get(index) ?? [];
      list.push({ ruleId: 'duplicate-engagement-id', severity: 'error', message, range });
      result.set(index, list);
    }
  }
}
