/**
 * The parsed data with every map entry whose value is empty (`notes:`, `notes: ~`,
 * `notes: null`) left out: in a hand-written file an empty optional field means the field
 * is absent, not a field of the wrong type. A required field left empty is then reported as
 * missing. Maps and lists are copied only on the way to an empty entry; a file with none
 * is returned as it is. List items are kept, so indexes stay those of the file.
 */
export function withoutEmptyFields(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const cleaned = withoutEmptyFields(item);
      if (cleaned !== item) (copy ??= [...value])[i] = cleaned;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const item = source[key];
    if (item === null || item === undefined) {
      copy ??= Object.assign(Object.create(null) as object, source) as Record<string, unknown>;
      delete copy[key];
      continue;
    }
    const cleaned = withoutEmptyFields(item);
    if (cleaned !== item) (copy ??= Object.assign(Object.create(null) as object, source) as Record<string, unknown>)[key] = cleaned;
  }
  return copy ?? value;
}
