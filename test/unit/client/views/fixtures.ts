import { readFileSync } from 'node:fs';
import type { EditorPreviewResult } from '../../../../server/src/protocol';
import { repoPath } from '../../../helpers/paths';

/** A preview result from `test/fixtures/preview/NAME.json`, fresh on each call (tests may mutate it). */
export function loadPreview(name: 'two-daemonsets' | 'stalled'): EditorPreviewResult {
  return JSON.parse(readFileSync(repoPath('test', 'fixtures', 'preview', `${name}.json`), 'utf8')) as EditorPreviewResult;
}
