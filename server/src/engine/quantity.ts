/**
 * Kubernetes resource quantities, parsed exactly as apimachinery does
 * (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go `ParseQuantity`,
 * `parseQuantityString`; suffix.go `interpret`): `<signedNumber><suffix>` where the suffix is binary
 * SI (`Ki`…`Ei`), decimal SI (`n u m "" k M G T P E`) or a decimal exponent (`e3`, `E-2`).
 * Values are held exactly as BigInt nano-units, rounded up (away from zero) to 1n as Kubernetes
 * does, and binary-SI values are capped at 2^63-1. Never throws.
 */

/** A parsed quantity: its exact value in nano-units (10^-9) and the suffix family it was written in. */
export interface Quantity {
  nano: bigint;
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

/** The result of parsing: a quantity, or why the text is not one (wording close to apimachinery's). */
export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; reason: string };

const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const suffixChars = 'eEinumkKMGTP';
const maxInt64 = (1n << 63n) - 1n;
const nanoPerUnit = 1_000_000_000n;
/** Decimal exponents beyond this are refused (Kubernetes would hold a 10^1000 value; no node has one). */
const maxDecimalExponent = 1000;

const formatError = 'quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'';

interface Scanned {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
  hasDigits: boolean;
}

/** `parseQuantityString` of quantity.go, character for character (including its tolerance of `1.`). */
function scan(str: string): Scanned | null {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end && (str[0] === '-' || str[0] === '+')) {
    positive = str[0] !== '-';
    pos++;
  }
  const digitsFrom = pos;
  const hasDigitsUpTo = (to: number): boolean => /[0-9]/.test(str.slice(digitsFrom, to));
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '', hasDigits: true };
  let i = pos;
  while (i < end && str[i]! >= '0' && str[i]! <= '9') i++;
  let num = str.slice(pos, i);
  pos = i;
  if (num === '') num = '0';
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && str[i]! >= '0' && str[i]! <= '9') i++;
    denom = str.slice(pos, i);
    pos = i;
  }
  const hasDigits = hasDigitsUpTo(pos);
  const suffixStart = pos;
  i = pos;
  while (i < end && suffixChars.includes(str[i]!)) i++;
  if (i >= end) return { positive, num, denom, suffix: str.slice(suffixStart), hasDigits };
  pos = i;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  i = pos;
  while (i < end && str[i]! >= '0' && str[i]! <= '9') i++;
  if (i < end) return null;
  return { positive, num, denom, suffix: str.slice(suffixStart), hasDigits };
}

/** suffix.go `interpret`: base, exponent and format of a suffix, or null. */
function interpret(suffix: string): { base: 2 | 10; exponent: number; format: Quantity['format'] } | null {
  if (suffix in decimalSuffixes) return { base: 10, exponent: decimalSuffixes[suffix]!, format: 'DecimalSI' };
  if (suffix in binarySuffixes) return { base: 2, exponent: binarySuffixes[suffix]!, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    // strconv.ParseInt(suffix[1:], 10, 64), then int32(...) — a wrapping conversion.
    const digits = suffix.slice(1);
    if (!/^[+-]?[0-9]+$/.test(digits)) return null;
    const parsed = BigInt(digits);
    if (parsed > maxInt64 || parsed < -maxInt64 - 1n) return null;
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return null;
}

/** Results by input string: manifests repeat a few quantities (`10m`, `64Mi`) many times. */
const parsedStrings = new Map<string, QuantityResult>();
/** Bounds the memo (a generated file could hold millions of distinct quantities). */
const maxMemoized = 10_000;

/**
 * Parses a quantity as the API server decodes one: a string (trimmed, as `Quantity.UnmarshalJSON`
 * does) or a JSON number. Returns the exact value or a reason; never throws. Results are frozen
 * and shared between equal strings (parsing is exact BigInt arithmetic: a fifth of a DaemonSet's
 * simulation before the memo).
 */
export function parseQuantity(input: unknown): QuantityResult {
  if (typeof input !== 'string') return parse(input);
  let result = parsedStrings.get(input);
  if (result === undefined) {
    result = Object.freeze(parse(input));
    if (result.ok) Object.freeze(result.quantity);
    if (parsedStrings.size >= maxMemoized) parsedStrings.clear();
    parsedStrings.set(input, result);
  }
  return result;
}

function parse(input: unknown): QuantityResult {
  let str: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: `${String(input)} is not a number` };
    str = String(input);
  } else if (typeof input === 'string') {
    str = input.trim();
  } else if (typeof input === 'bigint') {
    str = input.toString();
  } else {
    return { ok: false, reason: `expected a quantity such as 100m or 1Gi, found ${describe(input)}` };
  }
  if (str.length === 0) return { ok: false, reason: formatError };
  if (str === '0') return { ok: true, quantity: { nano: 0n, format: 'DecimalSI' } };
  const scanned = scan(str);
  if (!scanned) return { ok: false, reason: formatError };
  const suffix = interpret(scanned.suffix);
  if (!suffix) return { ok: false, reason: 'unable to parse quantity\'s suffix' };
  const { num, denom, positive } = scanned;
  const mantissa = BigInt(num + denom);
  // The slow (inf.Dec) path of ParseQuantity reads the digits with SetString, which needs one.
  const slowDecimal = suffix.base === 10 && (18 - (num.length + denom.length) < 0 || suffix.exponent - denom.length < -9);
  if (slowDecimal && !scanned.hasDigits) return { ok: false, reason: 'unable to parse numeric part of quantity' };
  let magnitude: bigint;
  if (mantissa === 0n) {
    magnitude = 0n;
  } else if (suffix.base === 2) {
    // Exact: digits × 2^exponent / 10^len(denom), rounded up to a nano-unit, capped at 2^63-1.
    magnitude = divideRoundingUp(mantissa * (1n << BigInt(suffix.exponent)) * nanoPerUnit, 10n ** BigInt(denom.length));
    if (magnitude > maxInt64 * nanoPerUnit) magnitude = maxInt64 * nanoPerUnit;
  } else {
    const scale = suffix.exponent - denom.length + 9;
    if (suffix.exponent > maxDecimalExponent) return { ok: false, reason: 'exponent is too large' };
    if (scale >= 0) magnitude = mantissa * 10n ** BigInt(scale);
    else if (scale < -maxDecimalExponent) magnitude = 1n; // any non-zero amount rounds up to 1n
    else magnitude = divideRoundingUp(mantissa, 10n ** BigInt(-scale));
  }
  // A binary-SI amount strictly between 0 and 1 switches to DecimalSI (ParseQuantity, "avoids rounding").
  const format = suffix.format === 'BinarySI' && magnitude > 0n && magnitude < nanoPerUnit ? 'DecimalSI' : suffix.format;
  return { ok: true, quantity: { nano: positive ? magnitude : -magnitude, format } };
}

function divideRoundingUp(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return quotient * denominator === numerator ? quotient : quotient + 1n;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a map' : `${typeof value} ${String(value)}`;
}

/** Ceiling of a nano-unit value divided by `per` (positive values round up, as Quantity.ScaledValue). */
function ceilDiv(nano: bigint, per: bigint): number {
  const q = nano / per;
  const exact = q * per === nano;
  return Number(exact || nano < 0n ? q : q + 1n);
}

/** `Quantity.MilliValue()`: the value in thousandths, rounded up; the scheduler's unit for cpu. */
export function toMilli(q: Quantity): number {
  return ceilDiv(q.nano, 1_000_000n);
}

/** `Quantity.Value()`: the value in units, rounded up; the scheduler's unit for memory, storage, pods and extended resources. */
export function toUnits(q: Quantity): number {
  return ceilDiv(q.nano, nanoPerUnit);
}

/** Formats millicores for people: `250m`, `2`, `1.5`. */
export function formatMilliCpu(milli: number): string {
  if (milli % 1000 === 0) return String(milli / 1000);
  if (milli % 100 === 0 && milli > 1000) return (milli / 1000).toFixed(1);
  return `${milli}m`;
}

const binaryUnits: [string, number][] = [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];

/** Formats bytes for people in binary units: `300Mi`, `1Gi`, `1.5Gi` (one decimal when inexact). */
export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? '-' : '';
  const abs = Math.abs(bytes);
  for (const [suffix, size] of binaryUnits) {
    if (abs >= size) {
      const value = abs / size;
      return `${sign}${Number.isInteger(value) ? value : Math.round(value * 10) / 10}${suffix}`;
    }
  }
  return `${sign}${abs}`;
}
