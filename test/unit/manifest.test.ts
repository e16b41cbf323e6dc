import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';

interface Manifest {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  activationEvents: string[];
  contributes: { commands: { command: string }[]; menus: Record<string, { command: string }[]>; views: Record<string, { id: string }[]>; viewsWelcome: { view: string; contents: string }[] };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const source = fs
  .readdirSync(path.join(ROOT, 'src', 'extension'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => fs.readFileSync(path.join(ROOT, 'src', 'extension', f), 'utf8'))
  .join('\n');

describe('extension manifest', () => {
  it('registers every contributed command', () => {
    for (const { command } of manifest.contributes.commands) assert.ok(source.includes(`'${command}'`), `${command} is registered in src/extension`);
  });

  it('contributes every command it puts in a menu or a welcome view', () => {
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const entries of Object.values(manifest.contributes.menus)) for (const e of entries) assert.ok(contributed.has(e.command), e.command);
    for (const w of manifest.contributes.viewsWelcome) for (const m of w.contents.matchAll(/command:([\w.]+)/g)) assert.ok(contributed.has(m[1]!), m[1]);
  });

  it('never activates on `*`, and types no newer than the engine', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    const engine = manifest.engines.vscode.replace(/^\^/, '');
    const types = manifest.devDependencies['@types/vscode']!.replace(/^\^/, '');
    assert.ok(types.localeCompare(engine, undefined, { numeric: true }) <= 0, `@types/vscode ${types} <= engines.vscode ${engine}`);
  });
});
