/**
 * Fixes for pod-template fields the API server rejects in a DaemonSet: `replicas` in a DaemonSet spec (there is no
 * such field) and `activeDeadlineSeconds` in the pod template (forbidden for DaemonSets,
 * pkg/apis/apps/validation `ValidateDaemonSetSpec`), and a `restartPolicy` other than Always.
 */
import { podSpecPath } from '../rules/fields';
import { removePair, replaceValue } from './yamlEdit';
import { fix, type Fixer } from './types';

export const removeReplicas: Fixer = ({ edit }) => fix('Remove `replicas` (a DaemonSet runs one pod per eligible node)', removePair(edit, ['spec', 'replicas']), true);

export const removeActiveDeadlineSeconds: Fixer = ({ edit }) => fix('Remove `activeDeadlineSeconds`', removePair(edit, [...podSpecPath, 'activeDeadlineSeconds']), true);

export const setRestartPolicyAlways: Fixer = ({ edit }) => fix('Change `restartPolicy` to `Always`', replaceValue(edit, [...podSpecPath, 'restartPolicy'], 'Always'), true);
