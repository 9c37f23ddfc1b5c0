import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { changeTo, warmUp, warmUpRounds } from '../../../server/src/warmUp';

test('changeTo: one incremental change moves a document to the text (insert, delete, replace, CRLF, from and to empty)', () => {
  const steps = ['', 'a: 1\nb: 2\n', 'a: 1\nb: 22\n', 'a: 1\n', 'x: 1\r\ny: 2\r\n', 'x: 1\r\nz\r\ny: 2\r\n', 'aaaa', 'aa', 'aaaa', ''];
  const document = TextDocument.create('file:///t.yaml', 'yaml', 1, steps[0]!);
  for (const [i, text] of steps.entries()) {
    changeTo(document, text);
    assert.equal(document.getText(), text);
    assert.equal(document.version, i + 2);
    // Positions agree with a document created from the text (the line offsets were updated).
    const fresh = TextDocument.create('file:///f.yaml', 'yaml', 1, text);
    for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(document.positionAt(offset), fresh.positionAt(offset), `${JSON.stringify(text)} at ${offset}`);
  }
});

test('warmUpRounds: the edit rounds alternate two texts that differ by one character', () => {
  const edits = warmUpRounds().filter((round) => round.edit);
  assert.ok(edits.length >= 2);
  for (let i = 1; i < edits.length; i++) assert.equal(Math.abs(edits[i]!.text.length - edits[i - 1]!.text.length), 1);
});

test('warmUp: stops as soon as the server is not idle', async () => {
  let seen = 0;
  let idle = true;
  await warmUp(() => {
    seen++;
    if (seen === 3) idle = false;
  }, () => idle);
  assert.equal(seen, 3);
});
