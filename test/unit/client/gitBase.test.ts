/**
 * Reading the committed text through the git extension's API (issue #10), with a fake API: only
 * `file:` URIs in a repository with a HEAD commit, by commit id and absolute path; any failure is
 * "nothing" (not in git); a HEAD that moves is announced once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { GitBase, readCommitted, type GitApi, type GitExtensionExports, type GitRepository } from '../../../client/src/gitBase';

type Listener = () => void;

function fakeRepository(commit: string | undefined, files: Record<string, string>) {
  const listeners: Listener[] = [];
  const shown: [string, string][] = [];
  const state = { HEAD: commit === undefined ? undefined : { commit }, onDidChange: (l: Listener) => (listeners.push(l), { dispose: () => undefined }) };
  const repository = {
    rootUri: { fsPath: '/repo' },
    state,
    show: (ref: string, path: string) => {
      shown.push([ref, path]);
      return path in files ? Promise.resolve(files[path]!) : Promise.reject(new Error(`fatal: path '${path}' exists on disk, but not in '${ref}'`));
    },
    move(to: string) {
      state.HEAD = { commit: to };
      for (const l of listeners) l();
    },
  };
  return { repository, shown };
}

function fakeApi(repository: unknown | null): GitApi {
  return {
    repositories: repository ? [repository as GitRepository] : [],
    getRepository: () => repository as GitRepository | null,
    onDidOpenRepository: (() => ({ dispose: () => undefined })) as unknown as vscode.Event<GitRepository>,
  };
}

const file = (path: string) => ({ scheme: 'file', fsPath: path }) as vscode.Uri;

test('readCommitted: git show <HEAD commit>:<absolute path>, the text and the commit', async () => {
  const { repository, shown } = fakeRepository('abc123', { '/repo/ds.yaml': 'kind: DaemonSet\n' });
  assert.deepEqual(await readCommitted(fakeApi(repository), file('/repo/ds.yaml')), { text: 'kind: DaemonSet\n', commit: 'abc123' });
  assert.deepEqual(shown, [['abc123', '/repo/ds.yaml']]);
});

test('readCommitted: nothing for an untitled document, outside a repository, before the first commit, or a file not in HEAD', async () => {
  const { repository } = fakeRepository('abc123', {});
  assert.equal(await readCommitted(fakeApi(repository), { scheme: 'untitled', fsPath: 'Untitled-1' } as vscode.Uri), undefined);
  assert.equal(await readCommitted(fakeApi(null), file('/elsewhere/ds.yaml')), undefined);
  assert.equal(await readCommitted(fakeApi(fakeRepository(undefined, {}).repository), file('/repo/ds.yaml')), undefined);
  assert.equal(await readCommitted(fakeApi(repository), file('/repo/new.yaml')), undefined);
  const throwing = { ...fakeApi(repository), getRepository: () => { throw new Error('git not found'); } };
  assert.equal(await readCommitted(throwing, file('/repo/ds.yaml')), undefined);
});

const extension = (api: GitApi, enabled = true, onEnablement?: (listener: (enabled: boolean) => void) => void): GitExtensionExports => ({
  enabled,
  getAPI: () => api,
  ...(onEnablement ? { onDidChangeEnablement: ((l: (enabled: boolean) => void) => (onEnablement(l), { dispose: () => undefined })) as unknown as vscode.Event<boolean> } : {}),
});

test('GitBase: the API is loaded once, on first read; a HEAD move is announced once', async () => {
  const { repository } = fakeRepository('abc123', { '/repo/ds.yaml': 'x' });
  let loads = 0;
  let changes = 0;
  const base = new GitBase(() => {
    loads++;
    return Promise.resolve(extension(fakeApi(repository)));
  }, () => changes++);
  assert.equal(loads, 0, 'nothing is loaded before it is needed');
  assert.equal((await base.read(file('/repo/ds.yaml')))?.commit, 'abc123');
  await base.read(file('/repo/ds.yaml'));
  assert.equal(loads, 1);
  repository.move('def456');
  repository.move('def456');
  assert.equal(changes, 1);
  base.dispose();
});

test('GitBase: no git extension, or git disabled (git.enabled), means nothing until it is enabled, which is announced', async () => {
  const none = new GitBase(() => Promise.resolve(undefined), () => undefined);
  assert.equal(await none.read(file('/repo/ds.yaml')), undefined);
  const failing = new GitBase(() => Promise.reject(new Error('activation failed')), () => undefined);
  assert.equal(await failing.read(file('/repo/ds.yaml')), undefined);
  let enabled = false;
  let announce: ((enabled: boolean) => void) | undefined;
  let changes = 0;
  const api = fakeApi(fakeRepository('abc123', { '/repo/ds.yaml': 'x' }).repository);
  const later = new GitBase(() => Promise.resolve(extension(api, enabled, (l) => (announce = l))), () => changes++);
  assert.equal(await later.read(file('/repo/ds.yaml')), undefined);
  enabled = true;
  announce?.(true);
  assert.equal(changes, 1, 'enabling git is announced, so impacts are read again');
  assert.equal((await later.read(file('/repo/ds.yaml')))?.text, 'x');
});
