/**
 * Limits that keep analysis bounded whatever the input. Each is far above what a real
 * engagement file needs, and each produces a finding when reached instead of a hang.
 */
export const LIMITS = {
  /**
   * Characters (UTF-16 units) analyzed in full. Real files are 5–30 KB and a 10,000-line
   * file is about 300 KB; above this only the YAML syntax is checked (checkSyntaxOnly.ts),
   * because the full parser, needed when a file has errors, takes about 0.7 s per MB.
   */
  fullAnalysisChars: 1_000_000,
  /** Nodes that aliases may expand to in one document (counts expansion, not alias nodes). */
  aliasExpansion: 10_000,
  /** Depth of nested maps and lists. Real files nest about 7 levels. */
  nestingDepth: 64,
  /** Findings kept per file, in document order; one more says how many were left out. */
  findingsPerFile: 500,
} as const;
