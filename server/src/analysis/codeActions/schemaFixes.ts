/**
 * Fixes for schema findings: rename a misspelt field to its "did you mean" suggestion
 * (`schema.unknown-field`), change a value to the suggested allowed one (`schema.enum`), and add a
 * missing `spec.selector` from the template's labels (`schema.required`, apps/v1 requires it).
 */
import { formatPath } from '../path';
import { renameKey, replaceValue } from './yamlEdit';
import { dataOf, fix, pathOf, type Fixer } from './types';
import { selectTemplateLabels } from './selectorFixes';

export const renameUnknownField: Fixer = ({ finding, edit }) => {
  const data = dataOf(finding);
  const path = pathOf(data.path);
  if (!path || typeof data.suggestion !== 'string') return [];
  return fix(`Rename \`${String(path[path.length - 1])}\` to \`${data.suggestion}\``, renameKey(edit, path, data.suggestion), true);
};

export const replaceEnumValue: Fixer = ({ finding, edit }) => {
  const data = dataOf(finding);
  const path = pathOf(data.path);
  if (!path || typeof data.suggestion !== 'string') return [];
  return fix(`Change \`${formatPath(path)}\` to \`${data.suggestion}\``, replaceValue(edit, path, data.suggestion), true);
};

export const addMissingSelector: Fixer = (input) => {
  const path = pathOf(dataOf(input.finding).path);
  if (!path || path.length !== 2 || path[0] !== 'spec' || path[1] !== 'selector') return [];
  return selectTemplateLabels(input, 'Add `spec.selector` matching the template labels');
};
