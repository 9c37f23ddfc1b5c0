import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatMilliCpu, parseQuantity, toMilli, toUnits } from '../../../server/src/engine';

/** Exact value in nano-units, or a failure. */
function nano(input: unknown): bigint | 'invalid' {
  const r = parseQuantity(input);
  return r.ok ? r.quantity.nano : 'invalid';
}

const G = 1_000_000_000n;

// Expected values from apimachinery pkg/api/resource/quantity_test.go `TestQuantityParse` (table
// of valid inputs, "Things that saturate/round", "Things written by trolls" and the invalid list).
const valid: [string, bigint, string][] = [
  ['0', 0n, 'DecimalSI'],
  ['0n', 0n, 'DecimalSI'],
  ['0Ki', 0n, 'BinarySI'],
  ['1', G, 'DecimalSI'],
  ['1Ki', 1024n * G, 'BinarySI'],
  ['7Mi', 7n * 2n ** 20n * G, 'BinarySI'],
  ['5Ti', 5n * 2n ** 40n * G, 'BinarySI'],
  ['3Ei', 3n * 2n ** 60n * G, 'BinarySI'],
  ['3m', 3_000_000n, 'DecimalSI'],
  ['50k', 50_000n * G, 'DecimalSI'],
  ['1E', 10n ** 18n * G, 'DecimalSI'],
  ['1E-3', 1_000_000n, 'DecimalExponent'],
  ['1e3', 1000n * G, 'DecimalExponent'],
  ['1.3E+6', 1_300_000n * G, 'DecimalExponent'],
  ['100.035k', 100_035n * G, 'DecimalSI'],
  ['0.0005k', 500_000_000n, 'DecimalSI'],
  ['0.5e-2', 5_000_000n, 'DecimalExponent'],
  ['6.987654321G', 6_987_654_321n * G, 'DecimalSI'],
  ['3.001n', 4n, 'DecimalSI'],
  ['1.1E-9', 2n, 'DecimalExponent'],
  ['0.0000000001', 1n, 'DecimalSI'],
  ['0.9n', 1n, 'DecimalSI'],
  ['0.00000012345', 124n, 'DecimalSI'],
  ['9Ei', ((1n << 63n) - 1n) * G, 'BinarySI'],
  ['9223372036854775807Ki', ((1n << 63n) - 1n) * G, 'BinarySI'],
  ['12E', 12n * 10n ** 18n * G, 'DecimalSI'],
  ['100.035Ki', 10_243_584n * G / 100n, 'BinarySI'],
  ['0.5Mi', 524_288n * G, 'BinarySI'],
  ['0.000000000001Ki', 2n, 'DecimalSI'], // "rounds up, changes format"
  ['.001', 1_000_000n, 'DecimalSI'],
  ['1.', G, 'DecimalSI'],
  ['1.G', G * G, 'DecimalSI'],
  // The examples of the issue and DESIGN.md.
  ['500m', 500_000_000n, 'DecimalSI'],
  ['0.5', 500_000_000n, 'DecimalSI'],
  ['1Gi', 2n ** 30n * G, 'BinarySI'],
  ['1G', G * G, 'DecimalSI'],
  ['128974848', 128_974_848n * G, 'DecimalSI'],
  ['129M', 129_000_000n * G, 'DecimalSI'],
  ['123Mi', 128_974_848n * G, 'BinarySI'],
];

for (const [input, expected, format] of valid) {
  test(`ParseQuantity ${JSON.stringify(input)} is exactly ${expected}n (${format}) — quantity_test.go TestQuantityParse`, () => {
    const r = parseQuantity(input);
    assert.ok(r.ok, `${input} should parse`);
    assert.equal(r.quantity.nano, expected);
    assert.equal(r.quantity.format, format);
    // "Try the negative version of everything" and "with an explicit +".
    assert.equal(nano(`-${input}`), -expected);
    assert.equal(nano(`+${input}`), expected);
  });
}

test('ParseQuantity rejects the invalid inputs of TestQuantityParse (and the empty string)', () => {
  for (const input of ['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', '1e', '10K', '1GB', '1Mi3']) {
    assert.equal(nano(input), 'invalid', input);
  }
});

test('parseQuantityString quirks: "." and "-." are zero (TestParseQuantityString)', () => {
  assert.equal(nano('.'), 0n);
  assert.equal(nano('-.'), 0n);
});

test('JSON numbers and surrounding spaces decode as Quantity.UnmarshalJSON does', () => {
  assert.equal(nano(0.5), 500_000_000n);
  assert.equal(nano(1000), 1000n * G);
  assert.equal(nano(' 100m '), 100_000_000n);
  assert.equal(nano(true), 'invalid');
  assert.equal(nano({ cpu: 1 }), 'invalid');
  assert.equal(nano(null), 'invalid');
});

test('invalid quantities come back as a reason, never an exception', () => {
  const r = parseQuantity('one gig');
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.reason : '', /regular expression/);
  assert.equal(parseQuantity('1e99999999999').ok, false);
});

test('MilliValue and Value round up, as the scheduler counts cpu and memory (Quantity.ScaledValue)', () => {
  const q = (s: string) => {
    const r = parseQuantity(s);
    assert.ok(r.ok);
    return r.quantity;
  };
  assert.equal(toMilli(q('0.1m')), 1);
  assert.equal(toMilli(q('1.5')), 1500);
  assert.equal(toMilli(q('250m')), 250);
  assert.equal(toUnits(q('0.5')), 1);
  assert.equal(toUnits(q('1m')), 1);
  assert.equal(toUnits(q('1Gi')), 1073741824);
  assert.equal(toUnits(q('300Mi')), 314572800);
});

test('formatting for people: cpu in millicores or cores, bytes in binary units', () => {
  assert.equal(formatMilliCpu(250), '250m');
  assert.equal(formatMilliCpu(2000), '2');
  assert.equal(formatMilliCpu(1500), '1.5');
  assert.equal(formatBytes(300 * 2 ** 20), '300Mi');
  assert.equal(formatBytes(2 ** 30), '1Gi');
  assert.equal(formatBytes(1.5 * 2 ** 30), '1.5Gi');
  assert.equal(formatBytes(512), '512');
});

test('parseQuantity: a string parsed again gives the same frozen result; the memo is bounded and stays exact', () => {
  const first = parseQuantity('64Mi');
  assert.equal(parseQuantity('64Mi'), first);
  assert.ok(Object.isFrozen(first) && first.ok && Object.isFrozen(first.quantity));
  assert.deepEqual(first, { ok: true, quantity: { nano: 64n * 1024n * 1024n * 1_000_000_000n, format: 'BinarySI' } });
  // Equal after trimming, memoised apart, same value.
  assert.deepEqual(parseQuantity(' 64Mi '), first);
  const invalid = parseQuantity('12x');
  assert.equal(invalid.ok, false);
  assert.equal(parseQuantity('12x'), invalid);
  // More distinct strings than the memo holds: every result still exact.
  for (let i = 0; i < 12_000; i++) {
    const parsed = parseQuantity(`${i}m`);
    assert.ok(parsed.ok && parsed.quantity.nano === BigInt(i) * 1_000_000n, `${i}m`);
  }
  assert.deepEqual(parseQuantity('64Mi'), first);
});
