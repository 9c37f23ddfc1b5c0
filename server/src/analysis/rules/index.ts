/**
 * The rule registry. A new rule is one file in this folder plus one line here; order does not
 * matter (findings are sorted by position).
 */
import { activeDeadlineSecondsRule } from './activeDeadlineSeconds';
import { apiVersionRule } from './apiVersion';
import { duplicateNameRule } from './duplicateName';
import { negativeValuesRule } from './negativeValues';
import { replicasRule } from './replicas';
import { restartPolicyRule } from './restartPolicy';
import { rollingUpdateRule } from './rollingUpdate';
import type { Rule } from './rule';
import { schemaRule } from './schema';
import { selectorRule } from './selector';

export type { AnalysisOptions, Rule, RuleContext } from './rule';

/** Every rule, run on every DaemonSet. */
export const allRules: readonly Rule[] = [
  apiVersionRule,
  schemaRule,
  replicasRule,
  // What the API server would reject
  selectorRule,
  rollingUpdateRule,
  negativeValuesRule,
  restartPolicyRule,
  activeDeadlineSecondsRule,
  // Accepted, but surely unintended
  duplicateNameRule,
];
