/**
 * Values the engine reads that the API server rejects or that can never match, reported at their
 * path without needing a cluster (engine `readDaemonSet`): resource quantities that do not parse
 * or are negative (apimachinery `ParseQuantity`; pkg/apis/core/validation
 * `ValidateResourceQuantityValue`), and required node-affinity expressions that match no node
 * (component-helpers nodeaffinity; an unknown operator is the schema's to report).
 */
import { readDaemonSet } from '../../engine';
import { DiagnosticCode } from '../codes';
import type { Finding } from '../types';
import { findingAt } from './fields';
import type { Rule } from './rule';

export const engineValuesRule: Rule = {
  name: 'engineValues',
  codes: [DiagnosticCode.QuantityInvalid, DiagnosticCode.PlacementAffinityInvalid],
  check(model, context) {
    const findings: Finding[] = [];
    // The simulation (when there is a cluster) has read the DaemonSet already.
    const engine = context.simulations?.of(model)?.findings ?? readDaemonSet(model.value).findings;
    for (const finding of engine) {
      if (finding.code === 'quantity.invalid' || finding.code === 'quantity.negative') {
        findings.push(findingAt(model, { code: DiagnosticCode.QuantityInvalid, severity: 'error', message: `${finding.message}: the API server rejects it.`, path: finding.path, prefer: 'value' }));
      } else if (finding.code === 'affinity.invalid' && finding.path[finding.path.length - 1] !== 'operator') {
        findings.push(findingAt(model, { code: DiagnosticCode.PlacementAffinityInvalid, severity: 'warning', message: `Node affinity: ${finding.message}.`, path: finding.path, prefer: 'value' }));
      }
    }
    return findings;
  },
};
