import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DiagnosticCode } from '../../../server/src/analysis/codes';
import { headingAnchor, ruleCatalog } from '../../../server/src/analysis/ruleCatalog';
import { repoPath } from '../../helpers/paths';

interface DocRow {
  section: string;
  severity: string | undefined;
  catches: string;
  fix: string;
}

/** The rule rows of docs/rules.md by code: `| code | [severity |] catches | quick fix |`. */
function docRows(): Map<string, DocRow> {
  const rows = new Map<string, DocRow>();
  let section = '';
  for (const line of readFileSync(repoPath('docs/rules.md'), 'utf8').split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3);
    const match = /^\| `([^`]+)` \| (.*) \|$/.exec(line);
    if (!match) continue;
    const cells = match[2]!.split(' | ');
    assert.ok(!rows.has(match[1]!), `${match[1]} has two rows`);
    rows.set(match[1]!, cells.length === 3 ? { section, severity: cells[0], catches: cells[1]!, fix: cells[2]! } : { section, severity: undefined, catches: cells[0]!, fix: cells[1]! });
  }
  return rows;
}

const docSeverity = { error: 'error', warning: 'warning', info: 'information', hint: 'hint' } as const;

test('every diagnostic code has a catalog entry and a row in docs/rules.md with the same text', () => {
  const rows = docRows();
  for (const code of Object.values(DiagnosticCode)) {
    const info = ruleCatalog[code];
    assert.ok(info, `${code} is not in the catalog`);
    const row = rows.get(code);
    assert.ok(row, `${code} has no row in docs/rules.md`);
    assert.equal(info.description, row.catches, code);
    assert.equal(info.fix ?? '—', row.fix, code);
    assert.equal(info.section, row.section, code);
    // The severity column, or the section's "(error)"/"(warning)" when the table has none.
    const severity = row.severity ?? /\((error|warning)\)$/.exec(row.section)?.[1];
    assert.ok(severity, `${code}: no severity in docs/rules.md`);
    assert.ok(severity.split(' / ').includes(docSeverity[info.severity]), `${code}: ${severity} vs ${info.severity}`);
    assert.ok(info.title.length > 0 && info.title.length <= 60 && !info.title.includes('`'), `${code}: title`);
  }
  assert.deepEqual([...rows.keys()].filter((code) => !(code in ruleCatalog)), [], 'rows for codes that do not exist');
});

test('section anchors are GitHub heading anchors', () => {
  assert.equal(headingAnchor('What the API server would reject (error)'), 'what-the-api-server-would-reject-error');
  assert.equal(headingAnchor('Production practice (warning or information; each can be turned off)'), 'production-practice-warning-or-information-each-can-be-turned-off');
  assert.equal(headingAnchor('YAML, schema and files'), 'yaml-schema-and-files');
});
