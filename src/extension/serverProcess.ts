import { fork, type ChildProcess } from 'node:child_process';

/**
 * Starts the server's bundle as a Node process speaking LSP over stdio: the one process the
 * extension starts. Forked before the language client library is loaded, so the two load at
 * once, on two cores. `--clientProcessId` makes the server exit if the extension host dies.
 */
export function forkServer(serverModule: string): ChildProcess {
  return fork(serverModule, ['--stdio', `--clientProcessId=${process.pid}`], {
    silent: true,
    execArgv: [],
    // In desktop VS Code the host's executable is Electron: run it as plain Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' },
  });
}
