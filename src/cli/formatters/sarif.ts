import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_CATALOG } from '../../core/rules';
import { HOMEPAGE, ruleDocsUrl } from '../../core/rules/docsUrl';
import type { LintResult } from '../lintResult';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0, the format code-scanning services read. Paths are relative to the folder the
 * command ran in (`%SRCROOT%`), so results line up with the repository.
 */
export function formatSarif(results: readonly LintResult[], cwd: string, version: string): string {
  const ruleIds = RULE_CATALOG.map((r) => r.id);
  const extraIds = new Set<string>();
  for (const result of results) for (const m of result.messages) if (!ruleIds.includes(m.ruleId)) extraIds.add(m.ruleId);
  const rules = [
    ...RULE_CATALOG.map((r) => ({
      id: r.id,
      name: ruleName(r.id),
      shortDescription: { text: r.docs.summary },
      fullDescription: { text: r.docs.rationale },
      help: { text: r.docs.fix },
      helpUri: ruleDocsUrl(r.id),
      defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    })),
    ...[...extraIds].map((id) => ({ id, name: ruleName(id), shortDescription: { text: `Problems in the ${id} file.` } })),
  ];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'engagement', informationUri: HOMEPAGE, semanticVersion: version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        results: results.flatMap((result) =>
          result.messages.map((m) => ({
            ruleId: m.ruleId,
            ruleIndex: index.get(m.ruleId),
            level: LEVEL[m.severity],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relativeUri(cwd, result.filePath), uriBaseId: '%SRCROOT%' },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/**
 * A rule's name for people, as SARIF asks: an identifier other than the stable id
 * (`access-crm` → `AccessCrm`, `schema` → `SchemaCheck`). Code-scanning services show it beside the id.
 */
export function ruleName(id: string): string {
  const name = id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
  // The validator compares without case: a one-word id (`schema`) gets a word more.
  return name.toLowerCase() === id.toLowerCase() ? `${name}Check` : name;
}

function relativeUri(cwd: string, file: string): string {
  return path
    .relative(cwd, file)
    .split(path.sep)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
