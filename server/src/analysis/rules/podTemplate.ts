/**
 * What the API server's generic pod template validation rejects beyond the schema, for the
 * mistakes people make in DaemonSets (pkg/apis/core/validation/validation.go, reached from
 * `ValidateDaemonSetSpec` through `ValidatePodTemplateSpec`):
 * - `ephemeralContainers` in a template ("ephemeral containers not allowed in pod template",
 *   `ValidatePodTemplateSpec`);
 * - two containers with one name, init containers included (`validateInitContainers` /
 *   `validateContainers`: "Duplicate value");
 * - two volumes with one name (`ValidateVolumes`: "Duplicate value");
 * - a `volumeMounts` entry naming no volume of the pod ("Not found") or a mount path used twice
 *   in one container ("must be unique"), `ValidateVolumeMounts`.
 */
import { DiagnosticCode } from '../codes';
import type { PathSegment } from '../path';
import { suggest } from '../suggest';
import type { Finding } from '../types';
import { allContainers, findingAt, podSpecPath, record, recordAt } from './fields';
import type { Rule } from './rule';

const code = DiagnosticCode.PodTemplateInvalid;

export const podTemplateRule: Rule = {
  name: 'podTemplate',
  codes: [code],
  check(model) {
    const podSpec = recordAt(model.value, podSpecPath);
    if (!podSpec) return [];
    const findings: Finding[] = [];
    const at = (path: PathSegment[], message: string, prefer: 'key' | 'value' = 'value', data?: unknown): void => {
      findings.push(findingAt(model, { code, severity: 'error', message, path, prefer, ...(data !== undefined ? { data, fixable: true } : {}) }));
    };

    if (Array.isArray(podSpec.ephemeralContainers) && podSpec.ephemeralContainers.length > 0) {
      at([...podSpecPath, 'ephemeralContainers'], '`ephemeralContainers` are not allowed in a pod template: the API server rejects them. Ephemeral containers are added to a running pod (`kubectl debug`); remove them here.', 'key');
    }

    const containers = allContainers(model.value);
    const seenContainers = new Set<string>();
    for (const ref of containers) {
      if (typeof ref.container.name !== 'string' || ref.container.name === '') continue;
      if (seenContainers.has(ref.name)) at([...ref.path, 'name'], `Another container of this pod is already named \`${ref.name}\`: container names (init containers included) must be unique, so the API server rejects the DaemonSet.`);
      seenContainers.add(ref.name);
    }

    const volumes = Array.isArray(podSpec.volumes) ? podSpec.volumes : [];
    const volumeNames: string[] = [];
    volumes.forEach((item: unknown, index) => {
      const name = record(item)?.name;
      if (typeof name !== 'string' || name === '') return;
      if (volumeNames.includes(name)) at([...podSpecPath, 'volumes', index, 'name'], `Another volume of this pod is already named \`${name}\`: volume names must be unique, so the API server rejects the DaemonSet.`);
      volumeNames.push(name);
    });

    for (const ref of containers) {
      const mounts = ref.container.volumeMounts;
      if (!Array.isArray(mounts)) continue;
      const mountPaths = new Set<string>();
      mounts.forEach((item: unknown, index) => {
        const mount = record(item);
        const mountPath: PathSegment[] = [...ref.path, 'volumeMounts', index];
        const name = mount?.name;
        if (typeof name === 'string' && name !== '' && !volumeNames.includes(name)) {
          const suggestion = suggest(name, volumeNames);
          const hint = suggestion !== undefined ? ` Did you mean \`${suggestion}\`?` : volumeNames.length === 0 ? ' The pod has no `volumes`.' : ` Its volumes: ${volumeNames.map((v) => `\`${v}\``).join(', ')}.`;
          at([...mountPath, 'name'], `Container ${ref.name} mounts volume \`${name}\`, which the pod does not define in \`volumes\`, so the API server rejects the DaemonSet.${hint}`, 'value', suggestion !== undefined ? { path: [...mountPath, 'name'], suggestion } : undefined);
        }
        const path = mount?.mountPath;
        if (typeof path === 'string' && path !== '') {
          if (mountPaths.has(path)) at([...mountPath, 'mountPath'], `Container ${ref.name} mounts two volumes at \`${path}\`: mount paths must be unique in a container, so the API server rejects the DaemonSet.`);
          mountPaths.add(path);
        }
      });
    }
    return findings;
  },
};
