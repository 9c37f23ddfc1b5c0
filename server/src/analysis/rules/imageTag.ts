/**
 * Production practice: an image without a tag (which means `latest`) or with `latest`. Each node
 * pulls whatever `latest` is when its pod starts, so a DaemonSet ends up running different
 * versions across the fleet and a rollback restores nothing
 * (kubernetes.io/docs/concepts/containers/images: "avoid using the :latest tag"). Images pinned
 * by digest are fine. A warning on the image value.
 */
import { DiagnosticCode } from '../codes';
import type { Finding } from '../types';
import { allContainers, findingAt } from './fields';
import type { Rule } from './rule';

/** The tag of an image reference: after the last `:` of the last path component; undefined without one. */
export function imageTag(image: string): string | undefined {
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.indexOf(':');
  return colon < 0 ? undefined : name.slice(colon + 1);
}

export const imageTagRule: Rule = {
  name: 'imageTag',
  codes: [DiagnosticCode.ImageLatest],
  check(model) {
    const findings: Finding[] = [];
    for (const ref of allContainers(model.value)) {
      const image = ref.container.image;
      if (typeof image !== 'string' || image === '' || image.includes('@')) continue;
      const tag = imageTag(image);
      if (tag !== undefined && tag !== 'latest') continue;
      findings.push(
        findingAt(model, {
          code: DiagnosticCode.ImageLatest,
          severity: 'warning',
          message: `Image \`${image}\` ${tag === undefined ? 'has no tag, which means `latest`' : 'uses the `latest` tag'}: every node pulls whatever is latest when its pod starts, so the fleet runs mixed versions and a rollback restores nothing. Pin a version tag or a digest.`,
          path: [...ref.path, 'image'],
          prefer: 'value',
        }),
      );
    }
    return findings;
  },
};
