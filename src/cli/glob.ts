/** Whether a command-line argument is a glob pattern rather than a plain path. */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/**
 * Splits a glob into the folder to walk and the pattern for paths below it:
 * `examples/**\/*.yaml` → `examples` and `**\/*.yaml`.
 */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const segments = pattern.replace(/\\/g, '/').split('/');
  const firstGlob = segments.findIndex(isGlob);
  const baseSegments = segments.slice(0, firstGlob);
  const base = baseSegments.join('/') || (pattern.startsWith('/') ? '/' : '.');
  return { base, rest: segments.slice(firstGlob).join('/') };
}

/**
 * Compiles a glob (`*`, `?`, `**`, `[abc]`, `{a,b}`) to a regular expression over
 * `/`-separated relative paths. `*` never crosses a folder; `**` spans any number of them.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentEnd = glob[i + 2] === '/';
        source += atSegmentEnd ? '(?:[^/]*/)*' : '.*';
        i += atSegmentEnd ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else source += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
