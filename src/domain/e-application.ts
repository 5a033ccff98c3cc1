// The QR of an e-application: a citizen who started on eGov (or whose phone made the code) shows
// it to the kiosk's scanner or camera, and the journey starts with the reason, the document and
// the IIN filled in.
//
// There is no published eGov format for such a code, so this one is ours, versioned so that a
// later one (a signed one, say, once eGov issues them) can sit beside it:
//
//   KZDOC1|<IIN>|<service code>|<document kind>[|<lang>]
//   KZDOC1|900101300123|09|id_card|ru
//
// No checksum of its own: the QR's error correction guards the transport, and the IIN carries a
// control digit. Nothing in it is trusted: every field is checked as if typed, and the registry
// and eligibility checks of the journey still run on what it fills in.
import { SERVICE_CODES, type DocumentKind, type Lang, type ServiceCode } from '../protocol';
import { parseIin } from './iin';
import { documentsFor } from './services';

export const E_APPLICATION_PREFIX = 'KZDOC';
export const E_APPLICATION_VERSION = 1;
/** Far above the longest valid code (34 characters): anything longer is not ours, and is not split. */
export const E_APPLICATION_MAX_LENGTH = 128;

const SEPARATOR = '|';
const DOCUMENT_KINDS: readonly DocumentKind[] = ['id_card', 'passport'];
const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
const VERSIONED = /^KZDOC(\d+)\|/;

export interface EApplication {
  iin: string;
  service: ServiceCode;
  document: DocumentKind;
  /** The language chosen on eGov, if any; the citizen may still change it. */
  lang?: Lang;
}

/**
 * Stable codes the kiosk maps to a message: `not_ours` (some other QR or barcode),
 * `unsupported_version` (ours, but newer than this kiosk), `malformed` (ours, but fields missing,
 * extra or unreadable), `too_long`, `bad_iin`, `unknown_service`, `unknown_document`,
 * `document_not_offered` (the reason does not issue that document).
 */
export type EApplicationErrorReason =
  | 'not_ours'
  | 'unsupported_version'
  | 'malformed'
  | 'too_long'
  | 'bad_iin'
  | 'unknown_service'
  | 'unknown_document'
  | 'document_not_offered';

export type EApplicationResult = ({ ok: true } & EApplication) | { ok: false; reason: EApplicationErrorReason };

const isServiceCode = (value: string): value is ServiceCode => (SERVICE_CODES as readonly string[]).includes(value);
const isDocumentKind = (value: string): value is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(value);
const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);

export function parseEApplication(scanned: string): EApplicationResult {
  // Scanners set to add a suffix end the text with CR or LF; a tester's typed code may too.
  const text = scanned.replace(/[\r\n]+$/, '');
  if (text.length > E_APPLICATION_MAX_LENGTH) return { ok: false, reason: 'too_long' };
  const versioned = VERSIONED.exec(text);
  if (!versioned) return { ok: false, reason: 'not_ours' };
  if (versioned[1] !== String(E_APPLICATION_VERSION)) return { ok: false, reason: 'unsupported_version' };

  const [, iin, service, document, lang, ...extra] = text.split(SEPARATOR);
  if (iin === undefined || service === undefined || document === undefined || extra.length > 0) return { ok: false, reason: 'malformed' };
  if (lang !== undefined && !isLang(lang)) return { ok: false, reason: 'malformed' };
  if (!parseIin(iin).ok) return { ok: false, reason: 'bad_iin' };
  if (!isServiceCode(service)) return { ok: false, reason: 'unknown_service' };
  if (!isDocumentKind(document)) return { ok: false, reason: 'unknown_document' };
  if (!documentsFor(service).includes(document)) return { ok: false, reason: 'document_not_offered' };
  return lang === undefined ? { ok: true, iin, service, document } : { ok: true, iin, service, document, lang };
}

/** The text of an e-application's QR: what eGov (or a test, or a tester) puts in the code. */
export function formatEApplication(application: EApplication): string {
  const fields = [`${E_APPLICATION_PREFIX}${E_APPLICATION_VERSION}`, application.iin, application.service, application.document];
  if (application.lang !== undefined) fields.push(application.lang);
  return fields.join(SEPARATOR);
}
