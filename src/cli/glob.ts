import { Minimatch } from 'minimatch';

/** Whether a command-line argument is a glob pattern rather than a plain path. */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/**
 * Splits a glob into the folder to walk and the pattern for paths below it:
 * `examples/**\/*.yaml` → `examples` and `**\/*.yaml`.
 */
export function splitGlob(pattern: string): { base: string; rest: string } {
  // A backslash separates folders on Windows only; elsewhere it escapes the next character.
  const segments = (process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern).split('/');
  const firstGlob = segments.findIndex(isGlob);
  const baseSegments = segments.slice(0, firstGlob);
  const base = baseSegments.join('/') || (pattern.startsWith('/') ? '/' : '.');
  return { base, rest: segments.slice(firstGlob).join('/') };
}

/**
 * A matcher for a glob over `/`-separated relative paths, or why the pattern is not one.
 * Matching is minimatch's (bash's rules; `**` spans folders, and repeated `**` segments
 * cost no backtracking); hidden files match like any other, as a folder argument finds them.
 * minimatch takes an unclosed brace or bracket literally and an inverted range as matching
 * nothing, both silently; a person who typed them meant something else, so they are refused.
 */
export function globMatcher(glob: string): { readonly matches: (relativePath: string) => boolean } | { readonly problem: string } {
  const problem = globProblem(glob);
  if (problem) return { problem };
  const compiled = new Minimatch(glob, { dot: true });
  return { matches: (relativePath) => compiled.match(relativePath) };
}

/** What is wrong with a pattern, in words, or undefined. Backslash escapes are honoured. */
function globProblem(glob: string): string | undefined {
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{') braces++;
    else if (c === '}' && braces > 0) braces--;
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) return `the bracket at character ${i + 1} is not closed (write \\[ for a literal one).`;
      const body = glob.slice(i + 1, close).replace(/^[!^]/, '');
      for (const [, from, to] of body.matchAll(/(.)-(.)/g)) {
        if (from! > to!) return `the range ${from}-${to} runs backwards.`;
      }
      i = close;
    }
  }
  return braces > 0 ? 'a brace { is not closed (write \\{ for a literal one).' : undefined;
}
