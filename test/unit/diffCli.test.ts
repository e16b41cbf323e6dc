import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, run, workspace } from './cliHelpers';
import { BASE, edit } from './helpers';

/** A real repository made here: git with an identity of its own, no user config read. */
function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, GIT_AUTHOR_NAME: 'Ann', GIT_AUTHOR_EMAIL: 'ann@example.com', GIT_COMMITTER_NAME: 'Ann', GIT_COMMITTER_EMAIL: 'ann@example.com' } });
}

function repository(): string {
  const dir = workspace({ 'acme.engagement.yaml': BASE });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Signed terms');
  git(dir, 'tag', 'signed');
  return dir;
}

interface JsonChange {
  file: string;
  kind: string;
  level: string;
  item?: string;
  before?: string;
  after?: string;
  message: string;
  beforeLine?: number;
  afterLine?: number;
}

describe('engagement diff', function () {
  this.timeout(60_000);

  it('compares the working tree with a revision, in the engagement\'s terms', () => {
    const dir = repository();
    const amended = edit(edit(BASE, 'days-per-week: 2', 'days-per-week: 1'), 'target: 300', 'target: 200');
    fs.writeFileSync(path.join(dir, 'acme.engagement.yaml'), amended);
    const result = run(['diff', 'signed:acme.engagement.yaml', 'acme.engagement.yaml'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^acme\.engagement\.yaml: 3 changes \(2 breaking, 1 notable, 0 info\)\n/);
    assert.match(result.stdout, /line 19 +breaking +commitment-reduced +Commitment 2 days a week → 1 day a week\.\n/);
    assert.match(result.stdout, /line 56 +breaking +kpi-target-eased +KPI "Qualified pipeline": target lowered 300 → 200: the goalposts moved\.\n/);
  });

  it('writes JSON with the file, kind, level, item, values, message and lines of each change', () => {
    const dir = repository();
    fs.writeFileSync(path.join(dir, 'acme.engagement.yaml'), edit(BASE, 'crm: full', 'crm: view'));
    git(dir, 'commit', '-q', '-am', 'CRM view only');
    const result = run(['diff', 'HEAD~1:acme.engagement.yaml', 'HEAD:acme.engagement.yaml', '--format', 'json'], dir);
    assert.equal(result.code, 0, result.stderr);
    const changes = JSON.parse(result.stdout) as JsonChange[];
    assert.deepEqual(changes[0], { file: 'HEAD:acme.engagement.yaml', kind: 'access-reduced', level: 'breaking', before: 'full', after: 'view', message: 'CRM access full → view.', beforeLine: 45, afterLine: 45 });
    assert.deepEqual(changes.slice(1).map((c) => [c.kind, c.item, c.afterLine]), [['finding-introduced', 'access-crm', 45]]);
  });

  it('fails at the level asked for, and tells a file added since a revision', () => {
    const dir = repository();
    fs.writeFileSync(path.join(dir, 'acme.engagement.yaml'), edit(BASE, 'crm: full', 'crm: view'));
    assert.equal(run(['diff', 'signed:acme.engagement.yaml', 'acme.engagement.yaml', '--fail-on', 'breaking'], dir).code, 1);
    assert.equal(run(['diff', 'signed:acme.engagement.yaml', 'signed:acme.engagement.yaml', '--fail-on', 'info'], dir).code, 0);
    fs.writeFileSync(path.join(dir, 'new.engagement.yaml'), edit(BASE, 'id: base-cro', 'id: new'));
    const added = run(['diff', 'signed:new.engagement.yaml', 'new.engagement.yaml', '--format=json'], dir);
    assert.equal(added.code, 0, added.stderr);
    assert.deepEqual((JSON.parse(added.stdout) as JsonChange[]).map((c) => c.kind), ['engagement-added']);
  });

  it('says plainly what it cannot read, with exit code 2', () => {
    const dir = repository();
    const unknown = run(['diff', 'no-such-tag:acme.engagement.yaml', 'acme.engagement.yaml'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /`no-such-tag` is not a commit of a git repository here\./);
    const outside = run(['diff', 'HEAD:acme.engagement.yaml', 'acme.engagement.yaml'], workspace({ 'acme.engagement.yaml': BASE }));
    assert.equal(outside.code, 2);
    const usage = run(['diff', 'acme.engagement.yaml'], dir);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /diff compares two versions/);
  });

  it('keeps values text in Markdown for a pull request, and printable in a terminal', () => {
    const dir = repository();
    const hostile = edit(BASE, 'name: Qualified pipeline', 'name: "<img src=x onerror=alert(1)> | [x](javascript:alert(1)) ::error::boom"');
    fs.writeFileSync(path.join(dir, 'acme.engagement.yaml'), hostile);
    git(dir, 'commit', '-q', '-am', 'Rename');
    fs.writeFileSync(path.join(dir, 'acme.engagement.yaml'), edit(hostile, 'target: 300', 'target: 200'));
    const markdown = run(['diff', 'HEAD:acme.engagement.yaml', 'acme.engagement.yaml', '--format', 'markdown'], dir).stdout;
    assert.match(markdown, /^\*\*Engagement terms\*\*: 1 change \(1 breaking, 0 notable, 0 info\) in 1 engagement\.\n/);
    const row = markdown.split('\n').find((l) => l.includes('kpi-target-eased'))!;
    assert.equal(row.split(/(?<!\\)\|/).length, 5, `the row keeps its three cells: ${row}`);
    // Every syntax character from the file is escaped: no tag, no link.
    assert.ok(!/(?<!\\)<img|(?<!\\)\]\(javascript/.test(markdown), markdown);
    assert.match(row, /\\<img src=x onerror=alert\\\(1\\\)\\>/);
    const stylish = run(['diff', 'HEAD:acme.engagement.yaml', 'acme.engagement.yaml'], dir).stdout;
    assert.ok(!stylish.split('\n').some((l) => l.startsWith('::')), stylish);
  });
});

describe('engagement diff across a repository', function () {
  this.timeout(60_000);

  it('--base: every engagement file changed since a revision, renames followed, new and deleted files included', () => {
    const dir = workspace({ 'a.engagement.yaml': BASE, 'b.engagement.yaml': edit(BASE, 'id: base-cro', 'id: b'), 'gone.engagement.yaml': edit(BASE, 'id: base-cro', 'id: gone'), 'notes.md': 'x' });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Signed');
    git(dir, 'mv', 'b.engagement.yaml', 'renamed.engagement.yaml');
    fs.writeFileSync(path.join(dir, 'renamed.engagement.yaml'), edit(edit(BASE, 'id: base-cro', 'id: b'), 'crm: full', 'crm: view'));
    git(dir, 'rm', '-q', 'gone.engagement.yaml');
    git(dir, 'commit', '-q', '-am', 'Amended');
    fs.writeFileSync(path.join(dir, 'new.engagement.yaml'), edit(BASE, 'id: base-cro', 'id: new'));
    fs.writeFileSync(path.join(dir, 'notes.md'), 'y');
    const result = run(['diff', '--base', 'main~1', '--format', 'json'], dir);
    assert.equal(result.code, 0, result.stderr);
    const changes = (JSON.parse(result.stdout) as JsonChange[]).filter((c) => !c.kind.startsWith('finding-'));
    assert.deepEqual(
      changes.map((c) => [c.file, c.kind]),
      [
        ['gone.engagement.yaml', 'engagement-removed'],
        ['new.engagement.yaml', 'engagement-added'],
        ['renamed.engagement.yaml', 'access-reduced'],
      ],
    );
    const markdown = run(['diff', '--base', 'main~1', '--format', 'markdown'], dir).stdout;
    assert.match(markdown, /^\*\*Engagement terms\*\*: 4 changes \(1 breaking, 2 notable, 1 info\) in 3 engagements\.\n/);
  });

  it('takes change levels from .engagementrc.yaml', () => {
    const dir = repository();
    fs.writeFileSync(path.join(dir, '.engagementrc.yaml'), 'diff:\n  levels:\n    access-reduced: info\n    finding-introduced: off\n');
    fs.writeFileSync(path.join(dir, 'acme.engagement.yaml'), edit(BASE, 'crm: full', 'crm: view'));
    const changes = JSON.parse(run(['diff', 'signed:acme.engagement.yaml', 'acme.engagement.yaml', '--format', 'json'], dir).stdout) as JsonChange[];
    assert.deepEqual(changes.map((c) => [c.kind, c.level]), [['access-reduced', 'info']]);
  });

  it('writes GitHub annotations on the revision\'s lines, escaped', () => {
    const dir = repository();
    fs.writeFileSync(path.join(dir, 'acme.engagement.yaml'), edit(BASE, 'crm: full', 'crm: view'));
    const out = run(['diff', 'signed:acme.engagement.yaml', 'acme.engagement.yaml', '--format', 'github'], dir).stdout;
    assert.equal(out.split('\n')[0], '::error file=acme.engagement.yaml,line=45,title=engagement terms%3A access-reduced::CRM access full → view.');
  });

  it('serves as git\'s diff driver, so git diff and git log -p speak in terms', () => {
    const dir = repository();
    fs.writeFileSync(path.join(dir, '.gitattributes'), '*.engagement.yaml diff=engagement\n');
    fs.writeFileSync(path.join(dir, 'acme.engagement.yaml'), edit(BASE, 'days-per-week: 2', 'days-per-week: 1'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'Fewer days');
    const driver = `"${process.execPath}" "${CLI}" diff --git-driver`;
    const log = git(dir, '-c', `diff.engagement.command=${driver}`, 'log', '-p', '--ext-diff', '-1', '--format=%s', '--', 'acme.engagement.yaml');
    assert.match(log, /^Fewer days\n/);
    assert.match(log, /engagement diff acme\.engagement\.yaml\n {2}line 19 +breaking +commitment-reduced +Commitment 2 days a week → 1 day a week\.\n/);
  });
});

describe('engagement diff as a page', function () {
  this.timeout(60_000);

  it('writes one self-contained page with every value escaped and no script allowed', () => {
    const dir = repository();
    const hostile = edit(BASE, 'name: Qualified pipeline', 'name: "<script>alert(1)</script>"');
    fs.writeFileSync(path.join(dir, 'acme.engagement.yaml'), hostile);
    git(dir, 'commit', '-q', '-am', 'Rename the KPI');
    fs.writeFileSync(path.join(dir, 'acme.engagement.yaml'), edit(hostile, 'target: 300', 'target: 200'));
    const page = run(['diff', 'HEAD:acme.engagement.yaml', 'acme.engagement.yaml', '--format', 'html'], dir).stdout;
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.ok(!page.includes('<script>'), 'the value is text');
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(page, /<span class="ek-change ek-change-breaking">breaking<\/span><\/td><td><code>kpi-target-eased<\/code>/);
  });
});
