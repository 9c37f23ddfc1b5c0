/**
 * The object metadata the API server validates for a DaemonSet (pkg/apis/apps/validation
 * `ValidateDaemonSet` → apimachinery `ValidateObjectMeta` with `ValidateDaemonSetName` =
 * `NameIsDNSSubdomain`; namespaces are DNS labels, `ValidateNamespaceName`): a name is required
 * ("name or generateName is required") unless `generateName` is set, from which the API server
 * makes one before validating (staging/src/k8s.io/apiserver/pkg/registry/rest/create.go
 * `BeforeCreate`; `kubectl create` sends it, `kubectl apply` needs a name); the name, and
 * `generateName` as a prefix, must be a lowercase RFC 1123 subdomain; labels of the DaemonSet
 * and of its pod template (`ValidatePodTemplateSpec` → `ValidateLabels`) must be valid label keys
 * and values. Selector requirements are `daemonset.selector-invalid`.
 */
import { DiagnosticCode } from '../codes';
import { labelKeyProblem, labelValueProblem } from '../labelSelector';
import type { PathSegment } from '../path';
import type { Finding } from '../types';
import { findingAt, record, recordAt } from './fields';
import type { Rule } from './rule';

// apimachinery pkg/util/validation/validation.go: IsDNS1123Subdomain, IsDNS1123Label.
const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function labelFindings(labels: Record<string, unknown> | undefined, path: PathSegment[], push: (finding: Finding) => void, at: (path: PathSegment[], message: string, prefer: 'key' | 'value') => Finding): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) push(at([...path, key], `Invalid label: ${keyProblem}. The API server rejects the DaemonSet.`, 'key'));
    // A value that is not a string is the schema's to report.
    const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
    if (valueProblem) push(at([...path, key], `Invalid label: ${valueProblem}. The API server rejects the DaemonSet.`, 'value'));
  }
}

export const metadataRule: Rule = {
  name: 'metadata',
  codes: [DiagnosticCode.NameInvalid, DiagnosticCode.LabelInvalid],
  check(model) {
    const findings: Finding[] = [];
    const metadata = record(model.value.metadata);
    const name = metadata?.name;
    const generateName = metadata?.generateName;
    if ((name === undefined || name === '') && (typeof generateName !== 'string' || generateName === '')) {
      // On `name` when it is written (empty or null), else on `metadata`, else on `kind`.
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.NameInvalid,
          severity: 'error',
          message:
            'This DaemonSet has no `metadata.name`: the API server rejects it ("name or generateName is required") and `kubectl apply` refuses it. Give it a name (a lower-case RFC 1123 subdomain such as `node-agent`).',
          path: ['metadata', 'name'],
          prefer: 'value',
        }),
      );
    }
    // Validated whenever set, name or not: `NameIsDNSSubdomain(generateName, true)`, where a
    // trailing '-' is allowed in a prefix (maskTrailingDash).
    if (typeof generateName === 'string' && generateName !== '') {
      const masked = generateName.length > 1 && generateName.endsWith('-') ? `${generateName.slice(0, -1)}a` : generateName;
      if (masked.length > 253 || !subdomain.test(masked)) {
        findings.push(
          findingAt(model, {
            code: DiagnosticCode.NameInvalid,
            severity: 'error',
            message: `\`${generateName}\` is not a valid generateName: use lower-case letters, digits, '-' and '.', starting with a letter or digit (the prefix of an RFC 1123 subdomain).`,
            path: ['metadata', 'generateName'],
            prefer: 'value',
          }),
        );
      }
    }
    if (typeof name === 'string' && name !== '' && (name.length > 253 || !subdomain.test(name))) {
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.NameInvalid,
          severity: 'error',
          message: `\`${name}\` is not a valid DaemonSet name: use at most 253 lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (an RFC 1123 subdomain).`,
          path: ['metadata', 'name'],
          prefer: 'value',
        }),
      );
    }
    const namespace = metadata?.namespace;
    if (typeof namespace === 'string' && namespace !== '' && (namespace.length > 63 || !label.test(namespace))) {
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.NameInvalid,
          severity: 'error',
          message: `\`${namespace}\` is not a valid namespace: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (an RFC 1123 label).`,
          path: ['metadata', 'namespace'],
          prefer: 'value',
        }),
      );
    }
    const at = (path: PathSegment[], message: string, prefer: 'key' | 'value'): Finding => findingAt(model, { code: DiagnosticCode.LabelInvalid, severity: 'error', message, path, prefer });
    labelFindings(record(metadata?.labels), ['metadata', 'labels'], (f) => findings.push(f), at);
    labelFindings(recordAt(model.value, ['spec', 'template', 'metadata', 'labels']), ['spec', 'template', 'metadata', 'labels'], (f) => findings.push(f), at);
    return findings;
  },
};
