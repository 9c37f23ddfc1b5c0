/**
 * `hostNetwork: true` without `dnsPolicy: ClusterFirstWithHostNet`: such a pod with the default
 * ClusterFirst policy falls back to the node's resolver (the `Default` policy), so cluster
 * service names do not resolve (kubernetes.io/docs/concepts/services-networking/dns-pod-service,
 * "Pod's DNS Policy"). A warning; `Default` and `None` are explicit choices and stay quiet.
 */
import { DiagnosticCode } from '../codes';
import { findingAt, podSpecPath, recordAt } from './fields';
import type { Rule } from './rule';

export const hostNetworkDnsRule: Rule = {
  name: 'hostNetworkDns',
  codes: [DiagnosticCode.HostNetworkDns],
  check(model) {
    const podSpec = recordAt(model.value, podSpecPath);
    if (podSpec?.hostNetwork !== true) return [];
    const policy = podSpec.dnsPolicy;
    if (policy !== undefined && policy !== 'ClusterFirst') return [];
    return [
      findingAt(model, {
        code: DiagnosticCode.HostNetworkDns,
        severity: 'warning',
        message:
          '`hostNetwork: true` without `dnsPolicy: ClusterFirstWithHostNet`: the pod uses the node\'s DNS resolver, so cluster service names do not resolve. Set `dnsPolicy: ClusterFirstWithHostNet` (or `Default` if the node\'s resolver is what you want).',
        path: policy === undefined ? [...podSpecPath, 'hostNetwork'] : [...podSpecPath, 'dnsPolicy'],
        prefer: policy === undefined ? 'key' : 'value',
        fixable: true,
      }),
    ];
  },
};
