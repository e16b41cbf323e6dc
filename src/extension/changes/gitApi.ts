import * as vscode from 'vscode';

/**
 * The part of the built-in Git extension's API (`vscode.git`, version 1) that the changes
 * view uses, declared here as the extension documents it.
 */
export interface GitRef {
  readonly type: 0 | 1 | 2; // Head (branch), RemoteHead, Tag
  readonly name?: string;
  readonly commit?: string;
}

export interface GitCommit {
  readonly hash: string;
  readonly message: string;
  readonly parents: readonly string[];
  readonly authorDate?: Date;
  readonly authorName?: string;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly refs?: readonly GitRef[] };
  getRefs?(query?: object): Promise<readonly GitRef[]>;
  log(options?: { readonly maxEntries?: number; readonly path?: string }): Promise<readonly GitCommit[]>;
  show(ref: string, path: string): Promise<string>;
}

interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/**
 * The repository holding `uri`, through the Git extension; or, in words a person can act
 * on, why there is none.
 */
export async function repositoryOf(uri: vscode.Uri): Promise<GitRepository | { problem: string }> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return { problem: 'The Git extension is not installed: comparing with a revision needs it.' };
  const git = extension.isActive ? extension.exports : await extension.activate();
  if (!git?.enabled) return { problem: 'Git is turned off (the `git.enabled` setting): comparing with a revision needs it.' };
  const api = git.getAPI(1);
  if (api.state !== 'initialized') await new Promise<void>((resolve) => api.onDidChangeState((state) => state === 'initialized' && resolve()));
  return api.getRepository(uri) ?? { problem: 'This file is not in a git repository: there are no revisions to compare with.' };
}

/** Branches and tags, newest names first as git lists them. */
export async function refsOf(repository: GitRepository): Promise<readonly GitRef[]> {
  return repository.getRefs ? repository.getRefs() : (repository.state.refs ?? []);
}

/** The file as `ref` holds it; undefined when it is not there. */
export async function showAt(repository: GitRepository, ref: string, uri: vscode.Uri): Promise<string | undefined> {
  try {
    return await repository.show(ref, uri.fsPath);
  } catch {
    return undefined;
  }
}
