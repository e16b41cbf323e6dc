import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers';

/** The environment the installer gives a nested npm, computed by the installer itself in a process of its own. */
function environmentForNode(nodeBinDir: string, caller: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const installer = pathToFileURL(path.join(ROOT, 'test', 'host', 'install.mjs')).href;
  const script = `import { environmentForNode } from ${JSON.stringify(installer)}; process.stdout.write(JSON.stringify(environmentForNode(${JSON.stringify(nodeBinDir)})));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: caller, encoding: 'utf8' })) as NodeJS.ProcessEnv;
}

describe('the test host installer', function () {
  this.timeout(60_000);

  it('runs a nested npm that describes the Node it runs on, whatever the calling npm exported', () => {
    // What an outer `npm test` on another Node exports to its scripts.
    const caller = { ...process.env, npm_config_user_agent: 'npm/10.0.0 node/v18.0.0 linux x64 workspaces/false', NODE: '/elsewhere/bin/node', npm_node_execpath: '/elsewhere/bin/node', npm_lifecycle_event: 'test' };
    const env = environmentForNode(path.dirname(process.execPath), caller);
    assert.ok(!('npm_lifecycle_event' in env) && !('NODE' in env) && !('npm_config_user_agent' in env));
    assert.ok(env.npm_config_globalconfig, 'the global npmrc (with the CA file) is named for the other Node');
    const agent = execFileSync('npm', ['exec', '--yes', '-c', 'echo "$npm_config_user_agent"'], { env, encoding: 'utf8', cwd: os.tmpdir() }).trim();
    assert.match(agent, new RegExp(`node/${process.version.replace(/\./g, '\\.')} `), `the nested npm's user agent: ${agent}`);
  });
});
