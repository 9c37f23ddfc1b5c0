/**
 * The rule registry. A new rule is one file in this folder plus one line here; order does not
 * matter (findings are sorted by position).
 */
import { apiVersionRule } from './apiVersion';
import { replicasRule } from './replicas';
import type { Rule } from './rule';
import { schemaRule } from './schema';

export type { AnalysisOptions, Rule, RuleContext } from './rule';

/** Every rule, run on every DaemonSet. */
export const allRules: readonly Rule[] = [apiVersionRule, schemaRule, replicasRule];
