/**
 * The rule registry. A new rule is one file in this folder plus one line here; order does not
 * matter (findings are sorted by position).
 */
import { DiagnosticCode } from '../codes';
import { activeDeadlineSecondsRule } from './activeDeadlineSeconds';
import { apiVersionRule } from './apiVersion';
import { duplicateNameRule } from './duplicateName';
import { engineValuesRule } from './engineValues';
import { envDuplicateRule } from './envDuplicate';
import { featureVersionRule } from './featureVersion';
import { hostAliasDuplicateRule } from './hostAliasDuplicate';
import { hostIpWithoutHostPortRule } from './hostIpWithoutHostPort';
import { hostNetworkDnsRule } from './hostNetworkDns';
import { imagePullSecretsRule } from './imagePullSecrets';
import { imageTagRule } from './imageTag';
import { memoryLimitRule } from './memoryLimit';
import { metadataRule } from './metadata';
import { priorityClassRule } from './priorityClass';
import { requestsMissingRule } from './requestsMissing';
import { selectorOverlapRule } from './selectorOverlap';
import { noNodesRule } from './noNodes';
import { pendingRule } from './pending';
import { rolloutDurationRule } from './rolloutDuration';
import { rolloutStallRule } from './rolloutStall';
import { runtimeClassRule } from './runtimeClass';
import { surgeHostPortRule } from './surgeHostPort';
import { unknownLabelRule } from './unknownLabel';
import { untoleratedTaintRule } from './untoleratedTaint';
import { negativeValuesRule } from './negativeValues';
import { podTemplateRule } from './podTemplate';
import { portDuplicateRule } from './portDuplicate';
import { replicasRule } from './replicas';
import { restartPolicyRule } from './restartPolicy';
import { rollingUpdateRule } from './rollingUpdate';
import type { Rule } from './rule';
import { schemaRule } from './schema';
import { selectorRule } from './selector';

export type { AnalysisOptions, Rule, RuleContext } from './rule';

/** The codes of the production-practice rules: advice, not errors; each can be turned off. */
export const practiceCodes: readonly DiagnosticCode[] = [
  DiagnosticCode.RequestsMissing,
  DiagnosticCode.MemoryLimitMissing,
  DiagnosticCode.HostNetworkDns,
  DiagnosticCode.ImageLatest,
  DiagnosticCode.PriorityClassMissing,
  DiagnosticCode.SelectorOverlap,
  DiagnosticCode.FeatureVersion,
];

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
  podTemplateRule,
  metadataRule,
  engineValuesRule,
  // Accepted, but surely unintended
  duplicateNameRule,
  envDuplicateRule,
  hostAliasDuplicateRule,
  imagePullSecretsRule,
  portDuplicateRule,
  hostIpWithoutHostPortRule,
  surgeHostPortRule,
  // What the configured cluster will do (silent without a cluster)
  noNodesRule,
  untoleratedTaintRule,
  pendingRule,
  unknownLabelRule,
  runtimeClassRule,
  rolloutStallRule,
  rolloutDurationRule,
  // Production practice (each can be turned off in daemonscope.rules)
  requestsMissingRule,
  memoryLimitRule,
  hostNetworkDnsRule,
  imageTagRule,
  priorityClassRule,
  selectorOverlapRule,
  featureVersionRule,
];
