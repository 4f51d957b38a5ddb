// The /verify page: reads a QR text (pasted, or decoded from an image with ZXing in this browser), verifies it with
// verify.js against the issuer's published keys, and says the verdict in French and Arabic. Nothing leaves the browser
// but the request for the published keys.
import { Failure, Verdict, importPublishedKeys, verifyQrText } from './verify.js';

const KEYS_URL = '/.well-known/document-keys';
const KEYS_CACHE = 'actors.verify.document-keys';
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
// Large photos are scaled down before decoding: a QR code needs far fewer pixels, and decoding time grows with them.
const MAX_DECODE_SIDE = 1600;

const $ = (id) => document.getElementById(id);

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Africa/Tunis',
});

const formatInstant = (seconds) => `${dateTime.format(new Date(seconds * 1000))} (heure de Tunis)`;
const formatBirthDate = (iso) => iso.split('-').reverse().join('/');

const VERDICT_TEXT = {
  [Verdict.VALID]: ['Document authentique et en cours de validité', 'وثيقة صحيحة وسارية المفعول'],
  [Verdict.EXPIRED]: ['Document authentique mais expiré', 'وثيقة صحيحة لكن انتهت مدة صلاحيتها'],
  [Verdict.NOT_YET_VALID]: ['Document pas encore valable', 'وثيقة غير سارية المفعول بعد'],
  [Verdict.INVALID]: ['Document non valable', 'وثيقة غير صالحة'],
};

const FAILURE_TEXT = {
  [Failure.MALFORMED]: [
    "Ce texte n'est pas un code de document lisible : incomplet, mal copié ou d'un autre format.",
    'هذا النص ليس رمز وثيقة مقروءا: ناقص أو منسوخ بشكل خاطئ أو بصيغة أخرى.',
  ],
  [Failure.UNSUPPORTED_ALGORITHM]: [
    "Le document est signé avec une méthode que l'émetteur n'utilise pas.",
    'الوثيقة ممضاة بطريقة لا تستعملها الجهة المصدرة.',
  ],
  [Failure.UNKNOWN_KEY]: [
    "La clé qui a signé ce document ne fait pas partie des clés publiées par l'émetteur.",
    'المفتاح الذي أمضى هذه الوثيقة ليس من المفاتيح التي نشرتها الجهة المصدرة.',
  ],
  [Failure.BAD_SIGNATURE]: [
    'La signature ne correspond pas au contenu : le document a été modifié ou falsifié.',
    'الإمضاء لا يطابق المضمون: تم تغيير الوثيقة أو تزويرها.',
  ],
  [Failure.KEY_NOT_VALID_AT_ISSUE]: [
    "La clé de signature n'était pas en service à la date d'émission indiquée.",
    'مفتاح الإمضاء لم يكن مستعملا في تاريخ الإصدار المذكور.',
  ],
};

const KINDS = { B3: ['Bulletin n° 3 (extrait du casier judiciaire)', 'البطاقة عدد 3 (مضمون السجل العدلي)'] };
const OUTCOMES = { NO_ENTRIES: ['Néant : aucune condamnation inscrite', 'لا شيء: لا توجد أي إدانة مسجلة'] };
const ISSUERS = { 'TN-MI': ["Ministère de l'Intérieur, Tunisie", 'وزارة الداخلية، تونس'] };

// ---------------------------------------------------------------------------------------------------------------------
// Keys: fetched on load, the last good copy kept for when the network is gone.

function readCachedKeys() {
  try {
    const cached = JSON.parse(localStorage.getItem(KEYS_CACHE) ?? 'null');
    return cached && typeof cached.fetchedAt === 'string' && cached.keySet ? cached : null;
  } catch {
    return null;
  }
}

function cacheKeys(keySet) {
  try {
    localStorage.setItem(KEYS_CACHE, JSON.stringify({ fetchedAt: new Date().toISOString(), keySet }));
  } catch {
    // Storage can be full or disabled (private browsing): verification still works while the page is open.
  }
}

async function loadKeys() {
  try {
    const response = await fetch(KEYS_URL, { headers: { accept: 'application/json' }, cache: 'no-cache' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const keySet = await response.json();
    const keys = await importPublishedKeys(keySet);
    cacheKeys(keySet);
    return { keys, source: 'online', fetchedAt: new Date() };
  } catch {
    const cached = readCachedKeys();
    if (cached) {
      try {
        return { keys: await importPublishedKeys(cached.keySet), source: 'cache', fetchedAt: new Date(cached.fetchedAt) };
      } catch {
        // A cached copy that no longer imports is as good as none.
      }
    }
    return { keys: null, source: 'none', fetchedAt: null };
  }
}

function showKeysStatus({ keys, source, fetchedAt }) {
  const status = $('keys-status');
  status.dataset.state = source;
  const count = keys ? keys.keys.size : 0;
  const when = fetchedAt ? dateTime.format(fetchedAt) : '';
  const [fr, ar] = {
    online: [`Clés de l'émetteur à jour (${count}).`, `مفاتيح الجهة المصدرة محيّنة (${count}).`],
    cache: [
      `Hors ligne : clés de l'émetteur au ${when} (dernière copie enregistrée).`,
      `دون اتصال: مفاتيح الجهة المصدرة بتاريخ ${when} (آخر نسخة محفوظة).`,
    ],
    none: [
      "Vérification impossible pour l'instant : ouvrez cette page une fois avec une connexion pour charger les clés de l'émetteur.",
      'التحقق غير ممكن حاليا: افتح هذه الصفحة مرة واحدة مع اتصال بالإنترنت لتحميل مفاتيح الجهة المصدرة.',
    ],
  }[source];
  setBilingual(status, fr, ar);
}

function setBilingual(element, fr, ar) {
  const french = document.createElement('span');
  french.className = 'fr';
  french.textContent = fr;
  const arabic = document.createElement('span');
  arabic.className = 'ar';
  arabic.lang = 'ar';
  arabic.dir = 'rtl';
  arabic.textContent = ar;
  element.replaceChildren(french, arabic);
}

// ---------------------------------------------------------------------------------------------------------------------
// Result

function showResult(result) {
  const section = $('result');
  const verdict = $('verdict');
  verdict.dataset.verdict = result.verdict;
  verdict.dataset.failure = result.failure ?? '';
  const [titleFr, titleAr] = VERDICT_TEXT[result.verdict];
  $('verdict-fr').textContent = titleFr;
  $('verdict-ar').textContent = titleAr;

  let reasonFr = '';
  let reasonAr = '';
  if (result.failure) {
    [reasonFr, reasonAr] = FAILURE_TEXT[result.failure];
  } else if (result.verdict === Verdict.EXPIRED) {
    reasonFr = `La signature est bonne, mais la validité a pris fin le ${formatInstant(result.payload.validUntil)}.`;
    reasonAr = `الإمضاء صحيح، لكن مدة الصلاحية انتهت في ${dateTime.format(new Date(result.payload.validUntil * 1000))}.`;
  } else if (result.verdict === Verdict.NOT_YET_VALID) {
    reasonFr = "La signature est bonne, mais la date d'émission est dans le futur : vérifiez l'heure de cet appareil.";
    reasonAr = 'الإمضاء صحيح، لكن تاريخ الإصدار في المستقبل: تثبّت من ساعة هذا الجهاز.';
  }
  $('reason-fr').textContent = reasonFr;
  $('reason-ar').textContent = reasonAr;
  $('failure-code').textContent = result.failure ? `Code : ${result.failure}` : '';

  // What a forged or unreadable document says is never shown: only a verified payload is.
  const payload = result.verdict === Verdict.INVALID ? null : result.payload;
  $('payload').hidden = payload === null;
  if (payload) {
    // Each language on its own line: mixed on one line, the bidirectional algorithm wraps them out of order.
    const pick = (element, table, code) => (table[code] ? setBilingual(element, ...table[code]) : (element.textContent = code));
    $('f-number').textContent = payload.number;
    pick($('f-kind'), KINDS, payload.kind);
    $('f-name-ar').textContent = `${payload.givenName} ${payload.familyName}`;
    $('f-name-latin').textContent = payload.givenNameLatin || payload.familyNameLatin
      ? [payload.givenNameLatin, payload.familyNameLatin?.toUpperCase()].filter(Boolean).join(' ')
      : '—';
    $('f-birth-date').textContent = formatBirthDate(payload.birthDate);
    pick($('f-outcome'), OUTCOMES, payload.outcome);
    $('f-issued-at').textContent = formatInstant(payload.issuedAt);
    $('f-valid-until').textContent = formatInstant(payload.validUntil);
    pick($('f-issuer'), ISSUERS, payload.issuer);
    $('f-kid').textContent = result.kid;
  }

  section.hidden = false;
  section.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

function showNoKeys() {
  showResult({ verdict: Verdict.INVALID, failure: null, payload: null, kid: null });
  $('verdict').dataset.verdict = 'NO_KEYS';
  $('verdict-fr').textContent = 'Vérification impossible';
  $('verdict-ar').textContent = 'التحقق غير ممكن';
  $('reason-fr').textContent = "Les clés de l'émetteur n'ont jamais été chargées sur cet appareil : ouvrez cette page une fois avec une connexion.";
  $('reason-ar').textContent = 'لم يتم تحميل مفاتيح الجهة المصدرة على هذا الجهاز أبدا: افتح هذه الصفحة مرة واحدة مع اتصال بالإنترنت.';
}

// ---------------------------------------------------------------------------------------------------------------------
// Input

function showInputError(fr, ar) {
  const error = $('input-error');
  if (fr === null) {
    error.hidden = true;
    error.replaceChildren();
    return;
  }
  setBilingual(error, fr, ar);
  error.hidden = false;
}

/** The type is judged by the file's first bytes: a name or a browser-guessed type says nothing of the content. */
async function sniffImageType(file) {
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const starts = (...bytes) => bytes.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...head.subarray(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

async function decodeQrImage(file) {
  if (typeof ZXing === 'undefined') {
    throw new InputProblem(
      "Le lecteur d'images n'est pas disponible sur ce serveur : collez le texte du code.",
      "قارئ الصور غير متوفر على هذا الخادم: الصق نص الرمز.");
  }
  let bitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new InputProblem("L'image ne peut pas être lue (fichier endommagé ?).", 'تعذرت قراءة الصورة (ملف تالف؟).');
  }
  const fit = Math.min(1, MAX_DECODE_SIDE / Math.max(bitmap.width, bitmap.height));
  const reader = new ZXing.QRCodeReader();
  const hard = new Map([[ZXing.DecodeHintType.TRY_HARDER, true]]);
  const pure = new Map([[ZXing.DecodeHintType.PURE_BARCODE, true]]);
  // ZXing's finder misses some codes at one size and finds them at another, so a few sizes and both binarizers are
  // tried; a clean image of the code alone (a PDF's QR saved as an image) is read directly as a pure barcode.
  try {
    for (const scale of [fit, fit * 0.75, fit * 0.5]) {
      const source = luminanceAt(bitmap, scale);
      const attempts = [
        [() => new ZXing.HybridBinarizer(source), hard],
        [() => new ZXing.GlobalHistogramBinarizer(source), hard],
        [() => new ZXing.HybridBinarizer(source), pure],
      ];
      for (const [binarizer, hints] of attempts) {
        try {
          return reader.decode(new ZXing.BinaryBitmap(binarizer()), hints).getText();
        } catch {
          reader.reset();
        }
      }
    }
  } finally {
    bitmap.close();
  }
  throw new InputProblem(
    "Aucun code QR lisible dans cette image. Essayez une photo nette, prise de face et bien éclairée, ou collez le texte.",
    'لا يوجد رمز QR مقروء في هذه الصورة. جرّب صورة واضحة مأخوذة من الأمام وبإضاءة جيدة، أو الصق النص.');
}

/** The image's grey levels at <scale>, for ZXing. */
function luminanceAt(bitmap, scale) {
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  // Transparent pixels (a PNG's background) read as black otherwise, which hides a dark QR code.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; p < luminance.length; i += 4, p++) {
    luminance[p] = (data[i] * 299 + data[i + 1] * 587 + data[i + 2] * 114) / 1000;
  }
  return new ZXing.RGBLuminanceSource(luminance, width, height);
}

class InputProblem extends Error {
  constructor(fr, ar) {
    super(fr);
    this.ar = ar;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Wiring

const keysReady = loadKeys().then((loaded) => {
  showKeysStatus(loaded);
  return loaded;
});

async function verifyText(text) {
  const { keys } = await keysReady;
  if (!keys) {
    showNoKeys();
    return;
  }
  showResult(await verifyQrText(text, keys));
}

let previewUrl = null;

async function onImageChosen() {
  const input = $('qr-image');
  const file = input.files?.[0];
  $('qr-file-name').textContent = file?.name ?? '';
  showInputError(null);
  $('qr-preview').hidden = true;
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = null;
  if (!file) return;

  try {
    if (file.size > MAX_IMAGE_BYTES) {
      const size = (file.size / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
      throw new InputProblem(
        `Image trop lourde (${size} Mo) : 5 Mo au plus. Recadrez la photo sur le code QR.`,
        `الصورة كبيرة جدا (${size} ميغابايت): 5 ميغابايت على الأكثر. اقتطع الصورة حول رمز QR.`);
    }
    const type = await sniffImageType(file);
    if (type === null) {
      throw new InputProblem(
        "Ce fichier n'est pas une image PNG, JPEG ou WebP. Choisissez une photo ou un scan du code QR.",
        'هذا الملف ليس صورة PNG أو JPEG أو WebP. اختر صورة أو نسخة ممسوحة لرمز QR.');
    }
    previewUrl = URL.createObjectURL(file);
    $('qr-preview').src = previewUrl;
    $('qr-preview').hidden = false;
    const text = await decodeQrImage(file);
    $('qr-text').value = text;
    await verifyText(text);
  } catch (error) {
    const problem = error instanceof InputProblem ? error
      : new InputProblem("L'image n'a pas pu être traitée. Collez le texte du code.", 'تعذرت معالجة الصورة. الصق نص الرمز.');
    showInputError(problem.message, problem.ar);
    $('result').hidden = true;
  }
}

$('verify-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showInputError(null);
  const text = $('qr-text').value;
  if (text.trim() === '') {
    showInputError('Collez le texte du code QR ou choisissez une image.', 'الصق نص رمز QR أو اختر صورة.');
    $('qr-text').focus();
    return;
  }
  await verifyText(text);
});

$('qr-image').addEventListener('change', () => {
  onImageChosen();
});

const graphql = `${location.origin}/graphql`;
$('graphql-address').textContent = graphql;
$('graphql-address-ar').textContent = graphql;
