/**
 * Edit distance where swapping two neighbouring letters counts as one edit (optimal string
 * alignment), since transposed letters are among the commonest typos: `drfat` → `draft`.
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows instead of a whole table: a file with thousands of unknown keys asks
  // for hundreds of thousands of distances, and allocating a table for each dominated.
  let before = new Int32Array(b.length + 1);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `input`, if it is close enough to be a likely typo: at most a
 * third of the longer word differs (at least one edit allowed). Case differences are free.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a candidate that cannot be close
    // enough is skipped unmeasured, so a huge key costs nothing (the measure is quadratic).
    if (Math.abs(input.length - candidate.length) > allowedFor(input, candidate)) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= allowedFor(input, best) ? best : undefined;
}

function allowedFor(input: string, candidate: string): number {
  return Math.max(1, Math.floor(Math.max(input.length, candidate.length) / 3));
}
