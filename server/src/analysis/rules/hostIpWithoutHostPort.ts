/**
 * A container port with a `hostIP` but no `hostPort`: the API server accepts it with a warning
 * (pkg/api/pod/warnings.go `warningsForPodSpecAndMeta`, the `allPorts` loop: "hostIP set without
 * hostPort"), for every container, init containers included. `hostIP` is the node address a host
 * port is bound on; without a host port nothing is bound, so it has no effect.
 * Ports are read after defaulting, as the API server reads them: before Kubernetes 1.28 a
 * `hostNetwork: true` template gets `hostPort: <containerPort>` (`templateDefaultsHostPorts`),
 * so no warning there; from 1.28 the template keeps what is written (its pods still get
 * `hostPort: <containerPort>` when created, `SetDefaults_Pod`, which the message says).
 */
import { DiagnosticCode } from '../codes';
import type { Finding } from '../types';
import { findingAt, podPorts, podSpecPath, recordAt } from './fields';
import type { Rule } from './rule';
import { templateDefaultsHostPorts } from './portDuplicate';

export const hostIpWithoutHostPortRule: Rule = {
  name: 'hostIpWithoutHostPort',
  codes: [DiagnosticCode.HostIpWithoutHostPort],
  check(model, context) {
    const findings: Finding[] = [];
    const defaults = templateDefaultsHostPorts(model.value, context.options.kubernetesVersion);
    // From 1.28 a hostNetwork template keeps the port bare, but its pods get the hostPort
    // (SetDefaults_Pod), so say what they will bind.
    const hostNetwork = recordAt(model.value, podSpecPath)?.hostNetwork === true;
    for (const { port, container, index, owner } of podPorts(model.value, defaults)) {
      if (port.hostIP === '' || port.hostPort !== 0) continue;
      const which = typeof port.containerPort === 'number' ? `Port ${port.containerPort}/${port.protocol}` : `Port #${index + 1}`;
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.HostIpWithoutHostPort,
          severity: 'warning',
          message: `${which} of ${owner} sets \`hostIP: ${port.hostIP}\` without a \`hostPort\`: \`hostIP\` is the node address a host port binds to, so without one it has no effect (the API server warns: hostIP set without hostPort). Add a \`hostPort\`${hostNetwork && typeof port.containerPort === 'number' ? ` (with \`hostNetwork: true\` the pods get \`hostPort: ${port.containerPort}\` anyway)` : ''} or remove \`hostIP\`.`,
          path: [...container.path, 'ports', index, 'hostIP'],
          prefer: 'value',
        }),
      );
    }
    return findings;
  },
};
