/**
 * `imagePullSecrets` entries the API server accepts with a warning (pkg/api/pod/warnings.go
 * `warningsForPodSpecAndMeta`):
 * - one Secret name listed twice ("imagePullSecrets[i].name: duplicate name", on the later one);
 * - an entry without a name, or with `name: ""` ("invalid empty name"): the kubelet has no
 *   Secret to read. Such entries are not also reported as duplicates of each other.
 * A `name` that is not a string at all is the schema's business.
 */
import { DiagnosticCode } from '../codes';
import type { Finding } from '../types';
import { findingAt, lineOf, nonEmptyString, podSpecPath, record, recordAt, repeats } from './fields';
import type { Rule } from './rule';

export const imagePullSecretsRule: Rule = {
  name: 'imagePullSecrets',
  codes: [DiagnosticCode.ImagePullSecretDuplicate, DiagnosticCode.ImagePullSecretEmpty],
  check(model, context) {
    const secrets = recordAt(model.value, podSpecPath)?.imagePullSecrets;
    if (!Array.isArray(secrets)) return [];
    const findings: Finding[] = [];
    secrets.forEach((raw: unknown, index) => {
      const item = record(raw);
      const itemPath = [...podSpecPath, 'imagePullSecrets', index];
      // An entry that is neither a mapping nor null is the schema's business.
      if (raw !== null && item === undefined) return;
      // Go decodes a null entry, a missing name and a null name as "".
      if ((item?.name ?? '') !== '') return;
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.ImagePullSecretEmpty,
          severity: 'warning',
          message: 'This image pull secret has no name: the API server warns (invalid empty name), and the kubelet has no Secret to read. Name the Secret, or remove the entry.',
          path: item?.name === undefined ? itemPath : [...itemPath, 'name'],
          prefer: 'value',
        }),
      );
    });
    for (const { index, first, key: name } of repeats(secrets, (raw) => nonEmptyString(record(raw)?.name))) {
      const line = lineOf(model, context.file.lineCounter, [...podSpecPath, 'imagePullSecrets', first, 'name']);
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.ImagePullSecretDuplicate,
          severity: 'warning',
          message: `Image pull secret \`${name}\` is listed again (first on line ${line}): the API server warns about a duplicate name. Remove this entry.`,
          path: [...podSpecPath, 'imagePullSecrets', index, 'name'],
          prefer: 'value',
        }),
      );
    }
    return findings;
  },
};
