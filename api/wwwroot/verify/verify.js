// Offline verification of a signed document's QR text (format v1): the same rules, in the same order and with the same
// failure names, as the C# DocumentVerifier and tools/verify. Only the platform: DecompressionStream and WebCrypto.
// No DOM here, so that the rules can be checked in node as well as in the page.

export const QR_PREFIX = 'TND1:';
export const MAX_TEXT_LENGTH = 4096;
export const MAX_INFLATED_BYTES = 16 * 1024;
export const CLOCK_SKEW_SECONDS = 5 * 60;

export const Verdict = Object.freeze({
  VALID: 'VALID',
  EXPIRED: 'EXPIRED',
  NOT_YET_VALID: 'NOT_YET_VALID',
  INVALID: 'INVALID',
});

export const Failure = Object.freeze({
  MALFORMED: 'MALFORMED',
  UNSUPPORTED_ALGORITHM: 'UNSUPPORTED_ALGORITHM',
  UNKNOWN_KEY: 'UNKNOWN_KEY',
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  KEY_NOT_VALID_AT_ISSUE: 'KEY_NOT_VALID_AT_ISSUE',
});

const ES256 = -7;
const HEADER_ALG = 1;
const HEADER_KID = 4;
const COSE_SIGN1_TAG = 18;
const MAX_NESTING = 16;

/** Thrown inside the decoders; always ends as INVALID / MALFORMED. */
class MalformedError extends Error {}

function malformed(why) {
  return new MalformedError(why);
}

// ---------------------------------------------------------------------------------------------------------------------
// Base45 (RFC 9285)

const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const BASE45_VALUES = new Map([...BASE45_ALPHABET].map((c, i) => [c, i]));

export function base45Decode(text) {
  if (text.length % 3 === 1) throw malformed('Base45 text of an impossible length');
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  const digit = (c) => {
    const v = BASE45_VALUES.get(c);
    if (v === undefined) throw malformed(`"${c}" is not a Base45 character`);
    return v;
  };
  for (let i = 0; i < text.length; i += 3) {
    if (i + 2 < text.length) {
      const n = digit(text[i]) + digit(text[i + 1]) * 45 + digit(text[i + 2]) * 2025;
      if (n > 0xffff) throw malformed('Base45 group out of range');
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = digit(text[i]) + digit(text[i + 1]) * 45;
      if (n > 0xff) throw malformed('Base45 group out of range');
      out[o++] = n;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// zlib (RFC 1950), bounded: a small QR code must not inflate into megabytes.

export async function inflateBounded(bytes, limit = MAX_INFLATED_BYTES) {
  let reader;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
    reader = stream.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => {});
        throw malformed(`inflated data over ${limit} bytes`);
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let o = 0;
    for (const chunk of chunks) {
      out.set(chunk, o);
      o += chunk.length;
    }
    return out;
  } catch (error) {
    if (error instanceof MalformedError) throw error;
    throw malformed('not zlib data');
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// CBOR (RFC 8949): definite lengths only, which is all that COSE and our payload use. Maps become Map objects whose keys
// are numbers or strings; byte strings become Uint8Array; tags become { tag, value }.

export class CborTag {
  constructor(tag, value) {
    this.tag = tag;
    this.value = value;
  }
}

export function cborDecode(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;

  const need = (n) => {
    if (offset + n > bytes.length) throw malformed('CBOR data ends early');
  };
  const readArgument = (additional) => {
    if (additional < 24) return additional;
    switch (additional) {
      case 24: need(1); return view.getUint8(offset++);
      case 25: { need(2); const v = view.getUint16(offset); offset += 2; return v; }
      case 26: { need(4); const v = view.getUint32(offset); offset += 4; return v; }
      case 27: {
        need(8);
        const v = view.getBigUint64(offset);
        offset += 8;
        // Beyond 2^53 the value cannot be a time or a length we accept; it stays a BigInt and fails type checks.
        return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
      }
      default: throw malformed('indefinite lengths and reserved values are not accepted');
    }
  };
  const readLength = (additional) => {
    const n = readArgument(additional);
    if (typeof n !== 'number') throw malformed('CBOR length too large');
    return n;
  };

  const item = (depth) => {
    if (depth > MAX_NESTING) throw malformed('CBOR nested too deeply');
    need(1);
    const initial = view.getUint8(offset++);
    const major = initial >> 5;
    const additional = initial & 0x1f;
    switch (major) {
      case 0: return readArgument(additional);
      case 1: {
        const n = readArgument(additional);
        return typeof n === 'number' ? -1 - n : -1n - n;
      }
      case 2: {
        const n = readLength(additional);
        need(n);
        const value = bytes.slice(offset, offset + n);
        offset += n;
        return value;
      }
      case 3: {
        const n = readLength(additional);
        need(n);
        let text;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset, offset + n));
        } catch {
          throw malformed('CBOR text is not UTF-8');
        }
        offset += n;
        return text;
      }
      case 4: {
        const n = readLength(additional);
        const array = [];
        for (let i = 0; i < n; i++) array.push(item(depth + 1));
        return array;
      }
      case 5: {
        const n = readLength(additional);
        const map = new Map();
        for (let i = 0; i < n; i++) {
          const key = item(depth + 1);
          const value = item(depth + 1);
          // Keys of other types (byte strings, arrays…) are nobody's in our formats: kept apart, so never looked up.
          if (typeof key !== 'number' && typeof key !== 'string') {
            map.set(Symbol('other key'), value);
            continue;
          }
          if (map.has(key)) throw malformed('CBOR map with a duplicate key');
          map.set(key, value);
        }
        return map;
      }
      case 6: return new CborTag(readArgument(additional), item(depth + 1));
      default: {
        switch (additional) {
          case 20: return false;
          case 21: return true;
          case 22: return null;
          case 23: return undefined;
          case 25: { need(2); const v = view.getFloat16 ? view.getFloat16(offset) : halfToNumber(view.getUint16(offset)); offset += 2; return v; }
          case 26: { need(4); const v = view.getFloat32(offset); offset += 4; return v; }
          case 27: { need(8); const v = view.getFloat64(offset); offset += 8; return v; }
          default:
            if (additional < 24) return { simple: additional };
            if (additional === 24) { need(1); return { simple: view.getUint8(offset++) }; }
            throw malformed('CBOR break or reserved simple value');
        }
      }
    }
  };

  const value = item(0);
  if (offset !== bytes.length) throw malformed('bytes after the CBOR item');
  return value;
}

function halfToNumber(half) {
  const exponent = (half >> 10) & 0x1f;
  const fraction = half & 0x3ff;
  const sign = half & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** Only what the Sig_structure needs: arrays, text and byte strings. */
export function cborEncode(value) {
  const parts = [];
  const head = (major, length) => {
    if (length < 24) parts.push(Uint8Array.of((major << 5) | length));
    else if (length < 0x100) parts.push(Uint8Array.of((major << 5) | 24, length));
    else if (length < 0x10000) parts.push(Uint8Array.of((major << 5) | 25, length >> 8, length & 0xff));
    else parts.push(Uint8Array.of((major << 5) | 26, length >>> 24, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff));
  };
  const write = (v) => {
    if (v instanceof Uint8Array) {
      head(2, v.length);
      parts.push(v);
    } else if (typeof v === 'string') {
      const utf8 = new TextEncoder().encode(v);
      head(3, utf8.length);
      parts.push(utf8);
    } else if (Array.isArray(v)) {
      head(4, v.length);
      v.forEach(write);
    } else {
      throw new TypeError('cborEncode: only arrays, text and byte strings');
    }
  };
  write(value);
  return concat(parts);
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// COSE_Sign1 (RFC 9052)

function decodeSign1(bytes) {
  let message = cborDecode(bytes);
  // Tagged as the format says; an untagged message is accepted too, as System.Security.Cryptography.Cose does.
  if (message instanceof CborTag) {
    if (message.tag !== COSE_SIGN1_TAG) throw malformed('not a COSE_Sign1 tag');
    message = message.value;
  }
  if (!Array.isArray(message) || message.length !== 4) throw malformed('COSE_Sign1 is not an array of four');
  const [protectedBytes, unprotected, payload, signature] = message;
  if (!(protectedBytes instanceof Uint8Array) || !(unprotected instanceof Map)
    || !(payload instanceof Uint8Array) || !(signature instanceof Uint8Array)) {
    throw malformed('COSE_Sign1 parts of the wrong types (or a detached payload)');
  }
  const protectedHeader = protectedBytes.length === 0 ? new Map() : cborDecode(protectedBytes);
  if (!(protectedHeader instanceof Map)) throw malformed('protected header is not a map');
  // As RFC 9052 (and System.Security.Cryptography.Cose) require: header labels are integers or text, each in one bucket.
  for (const header of [protectedHeader, unprotected]) {
    for (const label of header.keys()) {
      if (typeof label === 'symbol') throw malformed('a header label neither integer nor text');
    }
  }
  for (const label of protectedHeader.keys()) {
    if (unprotected.has(label)) throw malformed('a header in both the protected and unprotected buckets');
  }
  return { protectedBytes, protectedHeader, payload, signature };
}

// ---------------------------------------------------------------------------------------------------------------------
// Payload (format v1)

const isUint = (v) => Number.isSafeInteger(v) && v >= 0;
// 9999-12-31T23:59:59Z: the last instant the C# verifier can represent; later times are not v1 documents.
const MAX_SECONDS = 253402300799;
const isTime = (v) => isUint(v) && v <= MAX_SECONDS;
const isText = (v) => typeof v === 'string';

/** yyyy-MM-dd naming a day that exists (Date.parse would roll 1994-02-30 over to March). */
function isCalendarDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function readPayload(bytes) {
  const map = cborDecode(bytes);
  if (!(map instanceof Map)) throw malformed('payload is not a map');
  const required = (key, check) => {
    const v = map.get(key);
    if (!check(v)) throw malformed(`payload key ${JSON.stringify(key)} missing or of the wrong type`);
    return v;
  };
  const optionalText = (key) => {
    if (!map.has(key)) return null;
    const v = map.get(key);
    if (!isText(v)) throw malformed(`payload key ${JSON.stringify(key)} of the wrong type`);
    return v;
  };
  const version = required('v', isUint);
  if (version !== 1) throw malformed(`payload version ${version}`);
  const birthDate = required('dob', isText);
  if (!isCalendarDate(birthDate)) throw malformed('birth date not yyyy-MM-dd');
  return {
    issuer: required(1, isText),
    issuedAt: required(6, isTime),
    validUntil: required(4, isTime),
    number: required('no', isText),
    kind: required('kd', isText),
    givenName: required('gn', isText),
    familyName: required('fn', isText),
    givenNameLatin: optionalText('gnt'),
    familyNameLatin: optionalText('fnt'),
    birthDate,
    outcome: required('out', isText),
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Published keys

export function base64ToBytes(text) {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function bytesToBase64Url(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const toSeconds = (iso) => {
  if (iso === null || iso === undefined) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${iso}`);
  return Math.floor(ms / 1000);
};

/**
 * Checks and imports the JSON of GET /.well-known/document-keys, as strictly as the C# PublishedKeySet.FromJson: every
 * key ES256 on P-256, its kid the first 8 bytes of SHA-256 over its public key. Throws when the set does not hold
 * together, so that a broken answer never replaces a good cached copy.
 */
export async function importPublishedKeys(json) {
  if (!json || typeof json !== 'object' || typeof json.issuer !== 'string' || json.issuer === '' || !Array.isArray(json.keys)) {
    throw new Error('not a published key set');
  }
  const keys = new Map();
  for (const entry of json.keys) {
    if (!entry || typeof entry.kid !== 'string' || typeof entry.publicKey !== 'string') throw new Error('a key without kid or publicKey');
    if (entry.alg !== 'ES256' || entry.crv !== 'P-256') throw new Error(`key ${entry.kid} is ${entry.alg}/${entry.crv}, not ES256/P-256`);
    const spki = base64ToBytes(entry.publicKey);
    const kid = bytesToBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', spki)).subarray(0, 8));
    if (kid !== entry.kid) throw new Error(`key ${entry.kid} does not match its public key`);
    const publicKey = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    keys.set(entry.kid, {
      kid: entry.kid,
      publicKey,
      validFrom: toSeconds(entry.validFrom),
      signsUntil: toSeconds(entry.signsUntil),
      validTo: toSeconds(entry.validTo),
    });
  }
  return { issuer: json.issuer, keys };
}

// ---------------------------------------------------------------------------------------------------------------------
// The rules, in order

/**
 * Verifies a QR text against imported published keys. Returns { verdict, failure, payload, kid, detail }:
 * payload is set once the signature has verified (never shown for a forged document), kid once it was read.
 */
export async function verifyQrText(text, publishedKeys, now = new Date()) {
  const invalid = (failure, detail, extra = {}) => ({ verdict: Verdict.INVALID, failure, payload: null, kid: null, detail, ...extra });

  // 1. Envelope: prefix, length, Base45, zlib, COSE.
  let message;
  try {
    const trimmed = String(text ?? '').trim();
    if (trimmed.length > MAX_TEXT_LENGTH) throw malformed(`text over ${MAX_TEXT_LENGTH} characters`);
    if (!trimmed.startsWith(QR_PREFIX)) throw malformed(`text does not start with ${QR_PREFIX}`);
    const compressed = base45Decode(trimmed.slice(QR_PREFIX.length));
    message = decodeSign1(await inflateBounded(compressed));
  } catch (error) {
    if (error instanceof MalformedError) return invalid(Failure.MALFORMED, error.message);
    throw error;
  }

  // 2. Algorithm.
  if (message.protectedHeader.get(HEADER_ALG) !== ES256) {
    return invalid(Failure.UNSUPPORTED_ALGORITHM, `alg ${String(message.protectedHeader.get(HEADER_ALG))}`);
  }

  // 3. Key.
  const kidBytes = message.protectedHeader.get(HEADER_KID);
  const kid = kidBytes instanceof Uint8Array ? bytesToBase64Url(kidBytes) : null;
  const key = kid === null ? undefined : publishedKeys.keys.get(kid);
  if (!key) return invalid(Failure.UNKNOWN_KEY, kid === null ? 'no key id' : `key ${kid} is not published`, { kid });

  // 4. Signature over Sig_structure = ["Signature1", protected, h'', payload]; ES256 signatures are raw r||s.
  const toBeSigned = cborEncode(['Signature1', message.protectedBytes, new Uint8Array(0), message.payload]);
  const signatureOk = message.signature.length === 64
    && await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key.publicKey, message.signature, toBeSigned);
  if (!signatureOk) return invalid(Failure.BAD_SIGNATURE, 'the signature does not match', { kid });

  // 5. Payload.
  let payload;
  try {
    payload = readPayload(message.payload);
  } catch (error) {
    if (error instanceof MalformedError) return invalid(Failure.MALFORMED, error.message, { kid });
    throw error;
  }

  // 6. The key was the signing key when the document says it was issued.
  if ((key.validFrom !== null && payload.issuedAt < key.validFrom) || (key.signsUntil !== null && payload.issuedAt >= key.signsUntil)) {
    return invalid(Failure.KEY_NOT_VALID_AT_ISSUE, `key ${kid} did not sign at the issue time`, { kid });
  }

  // 7. Dates.
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const verdict = nowSeconds < payload.issuedAt - CLOCK_SKEW_SECONDS ? Verdict.NOT_YET_VALID
    : nowSeconds >= payload.validUntil ? Verdict.EXPIRED
      : Verdict.VALID;
  return { verdict, failure: null, payload, kid, detail: null };
}
