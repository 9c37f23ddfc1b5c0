/**
 * Which of the server's quick fixes concern one node of the Placement view. Pure (the command in
 * commands.ts asks VS Code for the code actions over the DaemonSet and applies the chosen one).
 */

/** What is needed of a code action: its title and the diagnostics it fixes. */
export interface FixCandidate {
  title: string;
  diagnostics?: readonly { source?: string; message: string }[];
}

/**
 * The fixes for `node`: those whose title names the node or one of its taint keys ("Add a
 * toleration for nvidia.com/gpu=present:NoSchedule"); if none does, those fixing a Daemonscope
 * diagnostic that names the node. Order kept.
 */
export function pickNodeFixes<T extends FixCandidate>(actions: readonly T[], node: string, taintKeys: readonly string[]): T[] {
  const names = (text: string) => text.includes(node) || taintKeys.some((key) => key !== '' && text.includes(key));
  const byTitle = actions.filter((a) => names(a.title));
  if (byTitle.length > 0) return byTitle;
  return actions.filter((a) => (a.diagnostics ?? []).some((d) => d.source === 'daemonscope' && d.message.includes(node)));
}
