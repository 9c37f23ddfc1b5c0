import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticCode } from '../../../server/src/analysis/codes';
import { toDiagnostic } from '../../../server/src/convert';

test('toDiagnostic converts offsets to a UTF-16 range and keeps code, source and data', () => {
  const text = 'a: "😀"\nbad: 1\n';
  const document = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  const start = text.indexOf('bad');
  const diagnostic = toDiagnostic(document, { code: DiagnosticCode.SchemaUnknownField, severity: 'info', message: 'm', span: { start, end: start + 3 }, data: { path: ['bad'] } });
  assert.deepEqual(diagnostic, {
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
    severity: 3,
    source: 'daemonscope',
    code: 'schema.unknown-field',
    message: 'm',
    data: { path: ['bad'] },
  });
  const emoji = toDiagnostic(document, { code: DiagnosticCode.YamlSyntax, severity: 'hint', message: 'm', span: { start: 3, end: 7 } });
  assert.deepEqual(emoji.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 7 } });
  assert.equal(emoji.severity, 4);
  assert.equal('data' in emoji, false);
});
