/**
 * One IP listed twice in `hostAliases`: the API server accepts it with a warning
 * ("hostAliases[i].ip: duplicate ip", pkg/api/pod/warnings.go `warningsForPodSpecAndMeta`,
 * "duplicate hostAliases"). The kubelet writes one /etc/hosts line per entry, so the IP appears
 * twice; its hostnames belong in one entry. IPs are compared as written, as the API server does.
 * Entries without a string `ip` (or an empty one) are the schema's and validation's business.
 */
import { DiagnosticCode } from '../codes';
import type { Finding } from '../types';
import { findingAt, lineOf, nonEmptyString, podSpecPath, record, recordAt, repeats } from './fields';
import type { Rule } from './rule';

export const hostAliasDuplicateRule: Rule = {
  name: 'hostAliasDuplicate',
  codes: [DiagnosticCode.HostAliasDuplicate],
  check(model, context) {
    const aliases = recordAt(model.value, podSpecPath)?.hostAliases;
    if (!Array.isArray(aliases) || aliases.length < 2) return [];
    const findings: Finding[] = [];
    for (const { index, first, key: ip } of repeats(aliases, (raw) => nonEmptyString(record(raw)?.ip))) {
      const line = lineOf(model, context.file.lineCounter, [...podSpecPath, 'hostAliases', first, 'ip']);
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.HostAliasDuplicate,
          severity: 'warning',
          message: `Host alias IP \`${ip}\` is listed again (first on line ${line}): the API server warns about a duplicate ip, and /etc/hosts gets it twice. Move these hostnames to the first entry.`,
          path: [...podSpecPath, 'hostAliases', index, 'ip'],
          prefer: 'value',
        }),
      );
    }
    return findings;
  },
};
