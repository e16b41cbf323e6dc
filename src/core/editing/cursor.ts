import type { Node as YamlNode } from 'yaml';
import { yamlLibrary as yaml } from '../yaml/yamlLibrary';
import type { Path, TextRange } from '../types';

const PLACEHOLDER = 'engagement_kit_cursor_0';

/** What the cursor is on: a key being written in a map, or a value of a key or list item. */
export type CursorContext =
  | {
      readonly kind: 'key';
      /** Path of the map the key goes in. */
      readonly path: Path;
      /** Keys the map already has (not counting the one being typed). */
      readonly existingKeys: readonly string[];
      /** The partly typed word, to be replaced. */
      readonly range: TextRange;
      /** True when the cursor is right after `- `, so a list item may be meant instead. */
      readonly newListItem: boolean;
    }
  | {
      readonly kind: 'value';
      /** Path of the value: ends with its key, or with its index in a list. */
      readonly path: Path;
      readonly range: TextRange;
    };

const WORD = /[A-Za-z0-9_.@-]*$/;

/**
 * Finds the cursor's place in the document by writing a placeholder at the cursor and
 * parsing: the parser then tells the path whatever the style (block or flow) and however
 * unfinished the rest of the file is. `undefined` in comments, or where no path is found.
 */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  let lineEnd = text.slice(offset).search(/[\r\n]/);
  lineEnd = lineEnd < 0 ? text.length : offset + lineEnd;
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  if (/(^|\s)#/.test(before)) return undefined;

  const word = WORD.exec(before)![0];
  const wordStart = offset - word.length;
  const wordEnd = offset + /^[A-Za-z0-9_.@-]*/.exec(after)![0].length;
  const head = text.slice(lineStart, wordStart);
  const tail = text.slice(wordEnd, lineEnd);
  // Alone on its line (after indentation or a list dash), the word is a key being typed.
  const aloneOnLine = /^\s*(-\s+)*$/.test(head) && tail.trim() === '';
  const replacement = aloneOnLine ? `${PLACEHOLDER}:` : PLACEHOLDER;
  const probe = text.slice(0, wordStart) + replacement + text.slice(wordEnd);

  const doc = yaml().parseDocument(probe, { uniqueKeys: false, strict: false });
  const found = find(doc.contents as YamlNode | null, []);
  if (!found) return undefined;
  const range = { start: wordStart, end: wordEnd };
  if (found.kind === 'key') return { ...found, range, newListItem: /-\s+$/.test(head) };
  return { kind: 'value', path: found.path, range };
}

type Found = { kind: 'key'; path: Path; existingKeys: string[] } | { kind: 'value'; path: Path };

function find(node: YamlNode | null, path: (string | number)[]): Found | undefined {
  if (!node) return undefined;
  if (yaml().isMap(node)) {
    const keys = node.items.flatMap((p) => (yaml().isPair(p) && yaml().isScalar(p.key) ? [String(p.key.value)] : []));
    for (const pair of node.items) {
      if (!yaml().isPair(pair)) continue;
      const key = yaml().isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === PLACEHOLDER) return { kind: 'key', path, existingKeys: keys.filter((k) => k !== PLACEHOLDER) };
      if (key === undefined) continue;
      const value = pair.value as YamlNode | null;
      if (yaml().isScalar(value) && value.value === PLACEHOLDER) return { kind: 'value', path: [...path, key] };
      const inner = find(value, [...path, key]);
      if (inner) return inner;
    }
  } else if (yaml().isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as YamlNode | null;
      if (yaml().isScalar(item) && item.value === PLACEHOLDER) return { kind: 'value', path: [...path, i] };
      const inner = find(item, [...path, i]);
      if (inner) return inner;
    }
  } else if (yaml().isScalar(node) && node.value === PLACEHOLDER) {
    return { kind: 'value', path };
  }
  return undefined;
}
