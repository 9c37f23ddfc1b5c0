/**
 * The last committed text of a file, read through VS Code's built-in git extension (`vscode.git`,
 * API version 1: `getRepository(uri)`, `repository.show('HEAD', path)`), for the rollout impact of
 * an edit (issue #10). Daemonscope never runs a program itself: the git extension does, as it does
 * for the editor's own diff. Nothing comes back when the extension is missing or disabled (it is in
 * an untrusted workspace), the file is not in a repository, the repository has no commit, or the
 * file is not in HEAD (new or untracked).
 */
import type * as vscode from 'vscode';

/** The part of the git extension's API (extensions/git/src/api/git.d.ts) used here. */
export interface GitApi {
  readonly state?: 'uninitialized' | 'initialized';
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  readonly onDidCloseRepository?: vscode.Event<GitRepository>;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD: { readonly commit?: string } | undefined; readonly onDidChange: vscode.Event<void> };
  /** `git show REF:PATH` of a file given by its absolute path. Rejects when the file is not there. */
  show(ref: string, path: string): Promise<string>;
}

/** The git extension's exports (`GitExtension`): the API exists while `enabled` (setting `git.enabled`). */
export interface GitExtensionExports {
  readonly enabled: boolean;
  readonly onDidChangeEnablement?: vscode.Event<boolean>;
  getAPI(version: 1): GitApi;
}

/** The committed text of a file and the commit it was read from. */
export interface CommittedText {
  text: string;
  commit: string;
}

/**
 * Reads `uri`'s text at HEAD through `api`, or undefined (see the module comment). Only `file:`
 * URIs have a committed version. Never rejects.
 */
export async function readCommitted(api: GitApi, uri: vscode.Uri): Promise<CommittedText | undefined> {
  if (uri.scheme !== 'file') return undefined;
  try {
    const repository = api.getRepository(uri);
    const commit = repository?.state.HEAD?.commit;
    if (!repository || commit === undefined || commit === '') return undefined;
    // By commit id, so the text and the id always agree even if HEAD moves meanwhile.
    return { text: await repository.show(commit, uri.fsPath), commit };
  } catch {
    return undefined;
  }
}

/**
 * Loads the git extension's API on first use (activating the extension if needed). While there is
 * none (not installed, disabled by `git.enabled`, failed), each read asks again, so enabling git
 * later works. `onChange` runs when git gets enabled, a repository opens or a HEAD moves.
 */
export class GitBase implements Pick<vscode.Disposable, 'dispose'> {
  private api: GitApi | undefined;
  private connecting: Promise<GitApi | undefined> | undefined;
  private readonly heads = new Map<GitRepository, string | undefined>();
  private readonly disposables: { dispose(): unknown }[] = [];

  private enablementWatched = false;

  constructor(
    private readonly load: () => Thenable<GitExtensionExports | undefined>,
    private readonly onChange: () => void,
  ) {}

  /** The committed text of `uri`, or undefined. Never rejects. */
  async read(uri: vscode.Uri): Promise<CommittedText | undefined> {
    const api = this.api ?? (await (this.connecting ??= this.connect().finally(() => (this.connecting = undefined))));
    return api ? readCommitted(api, uri) : undefined;
  }

  private async connect(): Promise<GitApi | undefined> {
    let api: GitApi;
    try {
      const exports = await this.load();
      if (!exports) return undefined;
      if (!this.enablementWatched && exports.onDidChangeEnablement) {
        this.enablementWatched = true;
        this.disposables.push(exports.onDidChangeEnablement((enabled) => enabled && this.onChange()));
      }
      if (!exports.enabled) return undefined;
      api = exports.getAPI(1);
    } catch {
      return undefined;
    }
    this.api = api;
    const watch = (repository: GitRepository): void => {
      if (this.heads.has(repository)) return;
      this.heads.set(repository, repository.state.HEAD?.commit);
      this.disposables.push(
        repository.state.onDidChange(() => {
          const commit = repository.state.HEAD?.commit;
          if (commit === this.heads.get(repository)) return;
          this.heads.set(repository, commit);
          this.onChange();
        }),
      );
    };
    api.repositories.forEach(watch);
    this.disposables.push(
      api.onDidOpenRepository((repository) => {
        watch(repository);
        this.onChange();
      }),
    );
    if (api.onDidCloseRepository) this.disposables.push(api.onDidCloseRepository((repository) => this.heads.delete(repository)));
    return api;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}

/** The git extension's exports from VS Code (activated if needed), or undefined when it is not installed. */
export async function loadGitExtension(extensions: typeof vscode.extensions): Promise<GitExtensionExports | undefined> {
  const extension = extensions.getExtension<GitExtensionExports>('vscode.git');
  if (!extension) return undefined;
  return extension.isActive ? extension.exports : await extension.activate();
}
