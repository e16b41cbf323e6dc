import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, workspace } from './cliHelpers';
import { BASE, edit } from './helpers';

interface LoggedAmendment {
  hash: string;
  date: string;
  author: string;
  subject: string;
  before?: string;
  after?: string;
  changes: { kind: string; level: string; message: string }[];
}

/** A repository with a year of amendments: commits on dates of their own, a rename, a branch merged, the file deleted and added back. */
function history(): string {
  const dir = workspace({});
  const git = (date: string | undefined, ...args: string[]): string =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, GIT_AUTHOR_NAME: 'Ann', GIT_AUTHOR_EMAIL: 'ann@example.com', GIT_COMMITTER_NAME: 'Ann', GIT_COMMITTER_EMAIL: 'ann@example.com', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    });
  const write = (name: string, text: string): void => fs.writeFileSync(path.join(dir, name), text);
  git(undefined, 'init', '-q', '-b', 'main');
  let text = BASE;
  const commit = (date: string, subject: string, change?: [string, string]): void => {
    if (change) text = edit(text, ...change);
    write('acme-cro.engagement.yaml', text);
    git(date, 'add', '-A');
    git(date, 'commit', '-q', '-m', subject);
  };
  commit('2026-01-05T10:00:00Z', 'Signed terms');
  commit('2026-02-02T10:00:00Z', 'CEO cuts the days', ['days-per-week: 2', 'days-per-week: 1']);
  git('2026-03-02T10:00:00Z', 'mv', 'acme-cro.engagement.yaml', 'acme.engagement.yaml');
  git('2026-03-02T10:00:00Z', 'commit', '-q', '-m', 'Rename the file');
  write('acme.engagement.yaml', text);
  // A branch that lowers a target, merged back.
  git(undefined, 'checkout', '-q', '-b', 'targets');
  text = edit(text, 'target: 300', 'target: 200');
  write('acme.engagement.yaml', text);
  git('2026-04-01T10:00:00Z', 'commit', '-q', '-am', 'Lower the pipeline target');
  git(undefined, 'checkout', '-q', 'main');
  git('2026-04-02T10:00:00Z', 'merge', '-q', '--no-ff', '-m', 'Merge targets', 'targets');
  fs.appendFileSync(path.join(dir, 'acme.engagement.yaml'), '# reviewed\n');
  git('2026-05-04T10:00:00Z', 'commit', '-q', '-am', 'A comment, no change of terms');
  git('2026-09-01T10:00:00Z', 'rm', '-q', 'acme.engagement.yaml');
  git('2026-09-01T10:00:00Z', 'commit', '-q', '-m', 'Drop the engagement');
  write('acme.engagement.yaml', edit(text, 'status: active', 'status: paused'));
  git('2026-12-14T10:00:00Z', 'add', '-A');
  git('2026-12-14T10:00:00Z', 'commit', '-q', '-m', 'Back, paused');
  return dir;
}

describe('engagement log', function () {
  this.timeout(60_000);

  it('tells the amendment history newest first, following the rename through a merge, a deletion and a return', () => {
    const dir = history();
    const result = run(['log', 'acme.engagement.yaml', '--format', 'json'], dir);
    assert.equal(result.code, 0, result.stderr);
    const log = JSON.parse(result.stdout) as LoggedAmendment[];
    assert.deepEqual(
      log.map((a) => [a.date.slice(0, 10), a.subject, a.changes.filter((c) => !c.kind.startsWith('finding-')).map((c) => c.kind)]),
      [
        ['2026-12-14', 'Back, paused', ['engagement-added']],
        ['2026-09-01', 'Drop the engagement', ['engagement-removed']],
        ['2026-04-01', 'Lower the pipeline target', ['kpi-target-eased']],
        ['2026-02-02', 'CEO cuts the days', ['commitment-reduced']],
        ['2026-01-05', 'Signed terms', ['engagement-added']],
      ],
    );
    assert.deepEqual([log[3]!.before, log[3]!.after], ['acme-cro.engagement.yaml', 'acme-cro.engagement.yaml'], 'the old name, before the rename');
    assert.equal(log[3]!.author, 'Ann');
  });

  it('reads only what came after --since, and prints each amendment with its changes', () => {
    const dir = history();
    const result = run(['log', 'acme.engagement.yaml', '--since', '2026-03-15'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^[0-9a-f]{10} 2026-12-14 Ann: Back, paused\n {2}info +engagement-added/);
    assert.ok(!result.stdout.includes('CEO cuts the days'));
    assert.match(result.stdout, /2026-04-01 Ann: Lower the pipeline target\n {2}breaking +kpi-target-eased +KPI "Qualified pipeline": target lowered 300 → 200: the goalposts moved\./);
  });

  it('says plainly when there is no repository', () => {
    const result = run(['log', 'acme.engagement.yaml'], workspace({ 'acme.engagement.yaml': BASE }));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /not in a git repository/);
  });
});
