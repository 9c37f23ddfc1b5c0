/**
 * The contract between the Daemonscope client and server: custom requests and notifications,
 * the preview result shape (DESIGN.md "preview --format json", plus source ranges), and settings.
 * This is the one server file the client imports; keep it free of runtime dependencies other
 * than `vscode-languageserver-protocol` message types.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

// ---------------------------------------------------------------------------------------------
// Preview result (DESIGN.md, "preview --format json"). Extra fields may be added; none renamed.

/** Where a daemon pod ends up on one node. */
export type Placement = 'runs' | 'pending' | 'skipped';

/** Why a node does not run the pod, in precedence order (the first that applies wins). */
export type PlacementReason =
  | 'nodeName'
  | 'nodeSelector'
  | 'nodeAffinity'
  | 'taint'
  | 'hostPort'
  | 'resources'
  | 'podCount'
  | 'namespaceNodeSelector';

/** One node's outcome for one DaemonSet. */
export interface NodePlacement {
  node: string;
  placement: Placement;
  reason: PlacementReason | null;
  /** One sentence a person can act on; may be empty for `runs`. */
  detail: string;
}

/** Why a rollout cannot finish. */
export interface RolloutStall {
  /** Nodes left on the old version for good, sorted by name. */
  nodes: string[];
  reason: string;
}

/** The rolling-update plan of one DaemonSet. */
export interface RolloutPlan {
  strategy: 'RollingUpdate' | 'OnDelete';
  /** Resolved integers (0 and 0 for OnDelete). */
  maxUnavailable: number;
  maxSurge: number;
  /** Node names per controller step, in node-name order; `[]` when no node should run the pod; null for OnDelete. */
  waves: string[][] | null;
  stall: RolloutStall | null;
  estimatedSeconds: number | null;
}

/** What a DaemonSet reserves across the nodes that run it (issue #10; extra field). */
export interface FleetOverhead {
  /** Millicores, as a decimal string. */
  cpu: string;
  /** Bytes, as a decimal string. */
  memory: string;
  /** The nodes that run it (pending pods reserve nothing: no node accounts for them). */
  nodes: number;
  /**
   * The allocatable cpu (millicores) and memory (bytes) of those nodes, for the share ("0.6% of
   * their CPU"); absent when one of them reports no allocatable. Extra field.
   */
  allocatable?: { cpu: string; memory: string };
}

/** Simulation result of one DaemonSet. */
export interface DaemonSetPreview {
  name: string;
  namespace: string;
  nodes: NodePlacement[];
  rollout: RolloutPlan;
  overhead?: FleetOverhead;
}

/** The cluster a preview was computed on. `source` is "embedded" or the path as given. */
export interface ClusterInfo {
  source: string;
  nodes: number;
}

/** `daemonscope preview --format json` output. */
export interface PreviewResult {
  cluster: ClusterInfo;
  daemonsets: DaemonSetPreview[];
}

// ---------------------------------------------------------------------------------------------
// Rollout impact of an edit (issue #10): `daemonscope diff OLD NEW --format json`. Extra fields may
// be added; none renamed.

/** How a DaemonSet (matched by namespace/name) differs between two versions. */
export type ImpactStatus = 'changed' | 'added' | 'removed' | 'unchanged';

/** What applying the new version of one DaemonSet does to its pods. */
export interface DaemonSetImpact {
  name: string;
  namespace: string;
  status: ImpactStatus;
  /** True when the pod template changed under RollingUpdate: the controller replaces pods. */
  rollout: boolean;
  /** Paths of the fields that differ as the API server stores them (`spec.template.spec.containers[0].image`). */
  changes: string[];
  /**
   * Rollout: the nodes whose pod is replaced (from the new version's placement, stalled nodes
   * excepted). Added: the nodes that get a pod; removed: the nodes that lose theirs; else 0.
   */
  pods: number;
  /** Controller steps of the rollout; 0 without one. */
  waves: number;
  /** Estimated rollout seconds; 0 without a rollout; null when unknown (stall, OnDelete, added, removed). */
  estimatedSeconds: number | null;
  /** Nodes that should run the new version and not the old, and the reverse (placement changes). */
  nodesAdded: number;
  nodesRemoved: number;
  /** The new version's strategy (the old one's when removed). */
  strategy: 'RollingUpdate' | 'OnDelete';
  /** Why the rollout cannot finish, as in the preview; null otherwise. */
  stall: RolloutStall | null;
  /** Short: "rolls 8 pods in 4 waves, ~2 min", "no rollout: only updateStrategy changed". */
  effect: string;
  /** One sentence: "pod template changed (image 5.0.1 → 5.0.2): rolls 8 pods in 4 waves, ~2 min". */
  summary: string;
}

/** `daemonscope diff --format json` output: DaemonSets by namespace, then name. */
export interface DiffResult {
  cluster: ClusterInfo;
  daemonsets: DaemonSetImpact[];
}

// ---------------------------------------------------------------------------------------------
// Custom LSP messages

/** A 0-based line/character range (LSP convention), so the client can reveal a DaemonSet. */
export interface SourceRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A DaemonSet preview as the editor sees it: the JSON contract plus where it is in the file. */
export interface EditorDaemonSetPreview extends DaemonSetPreview {
  range: SourceRange;
  /** The server's wording of `overhead` (the engine's), so the views never re-derive it. */
  overheadText?: { sentence: string; short: string };
  /** `maxUnavailable`/`maxSurge` as written in the manifest ("25%", "2"), absent when not written; for "25% of 8 → 2". */
  written?: { maxUnavailable?: string; maxSurge?: string };
}

/** A cluster node as the views show it: for tooltips and grouping by zone or role. */
export interface ClusterNodeInfo {
  name: string;
  labels: Record<string, string>;
  taints: { key: string; value?: string; effect: string }[];
  /** `spec.unschedulable` (cordoned). */
  unschedulable?: boolean;
}

/** Response of `daemonscope/preview`; `problems` explains an empty result (cluster file broken...). */
export interface EditorPreviewResult {
  uri: string;
  version: number | null;
  cluster: ClusterInfo;
  daemonsets: EditorDaemonSetPreview[];
  problems: string[];
  /** The cluster's nodes (labels, taints), sorted by name; optional extra for the views. */
  clusterNodes?: ClusterNodeInfo[];
}

export interface PreviewParams {
  uri: string;
}

/** Client → server: the simulated placement and rollout of every DaemonSet in a document. */
export const PreviewRequest = new RequestType<PreviewParams, EditorPreviewResult | null, void>('daemonscope/preview');

export interface PreviewChangedParams {
  uri: string;
}

/** Server → client: a document's preview changed (edit, cluster file change); re-request it. */
export const PreviewChangedNotification = new NotificationType<PreviewChangedParams>('daemonscope/previewChanged');

/** A DaemonSet's impact as the editor sees it: where it is in the file (null when removed). */
export interface EditorDaemonSetImpact extends DaemonSetImpact {
  range: SourceRange | null;
}

/** Response of `daemonscope/impact`; `problems` explains an empty result (YAML errors, no cluster...). */
export interface EditorImpactResult {
  uri: string;
  version: number | null;
  cluster: ClusterInfo;
  daemonsets: EditorDaemonSetImpact[];
  problems: string[];
}

export interface ImpactParams {
  uri: string;
  /** The document's last committed text (the client reads it through VS Code's git extension). */
  baseText: string;
}

/**
 * Client → server: the rollout impact of the open document against `baseText` (issue #10), the
 * same engine code as `daemonscope diff`, on the document's cluster. null for an unknown document.
 */
export const ImpactRequest = new RequestType<ImpactParams, EditorImpactResult | null, void>('daemonscope/impact');

// ---------------------------------------------------------------------------------------------
// Live cluster source (issue #10): a kubeconfig context, read-only.

/** One kubeconfig context, for "Daemonscope: Use Cluster Context…". */
export interface KubeContextItem {
  name: string;
  cluster: string;
  namespace: string | null;
  /** The kubeconfig's current-context. */
  current: boolean;
}

/** Response of `daemonscope/listContexts`: the contexts (current first), or why there are none. */
export interface ListContextsResult {
  contexts: KubeContextItem[];
  /** A sentence saying what is wrong with the kubeconfig (no secrets), or null. */
  error: string | null;
}

/** Client → server: the kubeconfig's contexts. Never contacts a cluster or runs a plugin. */
export const ListContextsRequest = new RequestType<Record<string, never>, ListContextsResult, void>('daemonscope/listContexts');

/** The live source's state: `off` (no context set), `connecting`, `live`, `reconnecting`, `error`. */
export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting' | 'error';

/** What the status bar and the views show: "context prod-eu · 120 nodes · 12 s ago". */
export interface LiveStatus {
  /** The context followed; '' when off. */
  context: string;
  state: LiveState;
  /** Nodes and bound pods of the snapshot in use (0 without one). */
  nodes: number;
  pods: number;
  /** When the server was last heard from, ms since the epoch; null without a snapshot. */
  fetchedAt: number | null;
  /** What went wrong and what to do (redacted), or null. With a snapshot, it is kept and used. */
  message: string | null;
}

/** Server → client: the live source's state changed. */
export const LiveStatusNotification = new NotificationType<LiveStatus>('daemonscope/liveStatus');

/** Client → server: list the live cluster again now; answers the resulting status. */
export const RefreshClusterRequest = new RequestType<Record<string, never>, LiveStatus, void>('daemonscope/refreshCluster');

/** Which contexts may run a kubeconfig credential plugin (DESIGN.md "Security"). */
export interface LivePolicyParams {
  /** `vscode.workspace.isTrusted`. */
  workspaceTrusted: boolean;
  /** Contexts the user picked with "Use Cluster Context…" on this machine. */
  chosenContexts: string[];
}

/** Client → server: the credential-plugin policy, at start and whenever it changes. */
export const LivePolicyNotification = new NotificationType<LivePolicyParams>('daemonscope/livePolicy');

// ---------------------------------------------------------------------------------------------
// Settings: declared once in package.json under `daemonscope.` and mirrored here.

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** Every `daemonscope.*` setting the server reads, after normalisation. */
export interface Settings {
  /** Path of a `kubectl get nodes -o yaml` file; empty = the embedded cluster. */
  clusterFile: string;
  /** Path of a `kubectl get pods -A -o yaml` file; empty = none (or the embedded pods). */
  podsFile: string;
  /** kubeconfig context name for a live, read-only source; empty = none. */
  clusterContext: string;
  /** Seconds one daemon pod takes to start and become ready, for rollout estimates. */
  podStartSeconds: number;
  /** Per-rule severity overrides, keyed by diagnostic code. */
  rules: Record<string, RuleSeverity>;
  /** Target Kubernetes version ("1.35"); features newer than it are reported. */
  kubernetesVersion: string;
  /** Rollouts estimated longer than this many minutes get an information finding. */
  rolloutDurationThresholdMinutes: number;
  /** Files larger than this many bytes get one information diagnostic and no deep analysis. */
  maxFileSize: number;
  /** Schema-level diagnostics and key completion; off for users who map a Kubernetes schema in Red Hat YAML. */
  schemaValidation: boolean;
}

/** Defaults, identical to those declared in package.json. */
export const defaultSettings: Settings = {
  clusterFile: '',
  podsFile: '',
  clusterContext: '',
  podStartSeconds: 10,
  rules: {},
  kubernetesVersion: '1.35',
  rolloutDurationThresholdMinutes: 30,
  maxFileSize: 5 * 1024 * 1024,
  schemaValidation: true,
};

/**
 * The V8 flags the language server process runs with (a contract between the extension and its
 * server: the client starts the server process). The extension starts the server with them
 * (client.ts), and so do the protocol tests and `npm run bench`; another editor starts it as
 * `node --min-semi-space-size=16 dist/server.js --stdio` (README).
 *
 * `--min-semi-space-size=16`: V8's young generation starts at 1 MB per semi-space and grows only
 * as scavenges find it too small, so a large file opened soon after start is parsed through many
 * more scavenges (each copying what survives: most of a parse does) than it would be at full size.
 * Starting at 16 MB (V8's default maximum, so no larger than it grows anyway) took the median
 * open -> all diagnostics of the 500-document bench file from 553 to 477 ms (8 fresh servers each,
 * interleaved; the fastest runs equal), for 30 MB more reserved memory.
 */
export const serverExecArgv: readonly string[] = ['--min-semi-space-size=16'];
