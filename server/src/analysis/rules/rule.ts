/**
 * The rule interface: each rule is one file in this folder, registered in `index.ts`, and looks at
 * one DaemonSet at a time. Rules return findings at their natural severity; per-rule severities
 * (`daemonscope.rules`) and `# daemonscope-disable-next-line` comments are applied afterwards, in
 * one place (`policy.ts`).
 */
import type { Settings } from '../../protocol';
import type { DiagnosticCode } from '../codes';
import type { DaemonSetModel, JsonObject } from '../model';
import type { ParsedFile } from '../parse';
import type { Finding } from '../types';
import type { SchemaValidator } from '../validator';
import type { Simulations } from '../clusterContext';

/** The settings analysis reads (the server and the CLI pass them in, normalised). */
export type AnalysisOptions = Pick<Settings, 'rules' | 'maxFileSize' | 'schemaValidation' | 'kubernetesVersion' | 'rolloutDurationThresholdMinutes'>;

/** What every rule may use besides the model. Read-only. */
export interface RuleContext {
  /** The whole file: its text, line index and every document (DaemonSets and others). */
  file: ParsedFile;
  /** Every DaemonSet of the file, in document order (the model being checked is one of them). */
  daemonSets: readonly DaemonSetModel[];
  options: AnalysisOptions;
  /** The compiled DaemonSet schema (compiled once, at startup). */
  validator: SchemaValidator;
  /**
   * The cluster to simulate on, with memoised simulations (`simulations.of(model)`); undefined
   * when no cluster could be loaded (the caller reports why) — cluster-aware rules then say nothing.
   */
  simulations?: Simulations;
}

/** One check over one DaemonSet. */
export interface Rule {
  /** A short stable name for logs and tests, e.g. `replicas`. */
  readonly name: string;
  /** Every code this rule may report. */
  readonly codes: readonly DiagnosticCode[];
  /**
   * Called only for models whose `value` is defined (the document has no syntax error and its
   * aliases expand). Returns findings in offsets; never throws for bad input.
   */
  check(model: DaemonSetModel & { value: JsonObject }, context: RuleContext): Finding[];
}
