import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from '../../helpers/paths';

test('generateSchema is deterministic and matches the checked-in build output', () => {
  const dirs = [mkdtempSync(join(tmpdir(), 'ds-schema-')), mkdtempSync(join(tmpdir(), 'ds-schema-'))];
  try {
    for (const dir of dirs) execFileSync(process.execPath, [repoPath('scripts/generateSchema.mjs'), '--quiet', '--out', dir]);
    const [a, b] = dirs.map((dir) => readFileSync(join(dir, 'daemonSetSchema.js'), 'utf8'));
    assert.equal(a, b);
    assert.equal(a, readFileSync(repoPath('server/generated/daemonSetSchema.js'), 'utf8'));
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});
