import { Type, type Static } from '@sinclair/typebox';
import { DESCRIPTOR_LENGTH } from './identify';
import { ApplicationNumber, DocumentKind, Iin, IsoDateTime, Lang, MAX_INT32, Phone, ServiceCode, Text, Uuid } from './common';
import { LivenessEvidence } from './liveness';
import { MAX_PORTRAIT_BYTES, PhotoQuality } from './photo-quality';

/*
 * Terminals and sealed packets: how a finished application travels from a kiosk to the back
 * office, whether the kiosk was online or not (docs/sync.md).
 *
 * A terminal is enrolled once with a one-time code: it sends the public half of an ECDSA P-256
 * key it made non-extractable, and receives the back office's ECDH P-256 public key. Each finished
 * application is sealed: its payload encrypted to the back office's key (an ephemeral ECDH key,
 * HKDF-SHA-256, AES-256-GCM with the header as additional data) and the whole signed with the
 * terminal's key. After sealing the kiosk cannot read it back.
 */

/** Base64url without padding, as WebCrypto's JWKs and our packets write bytes. */
const B64u = (maxLength: number) => Type.String({ pattern: '^[A-Za-z0-9_-]*$', maxLength });

/** A public P-256 key as a JWK (the only members we keep; others are dropped before sending). */
export const PublicKeyJwk = Type.Object(
  {
    kty: Type.Literal('EC'),
    crv: Type.Literal('P-256'),
    x: B64u(43),
    y: B64u(43),
  },
  { additionalProperties: false },
);
export type PublicKeyJwk = Static<typeof PublicKeyJwk>;

export const TerminalId = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,31}$' });
export const CentreId = Type.String({ pattern: '^[A-Z0-9-]{1,32}$' });

// --- Enrolment -------------------------------------------------------------------------------

/** POST /api/v1/admin/terminals (back-office admin token): a terminal to be, and its one-time code. */
export const TerminalCreateRequest = Type.Object(
  { terminalId: TerminalId, centreId: CentreId },
  { additionalProperties: false },
);
export type TerminalCreateRequest = Static<typeof TerminalCreateRequest>;

export const EnrolmentCode = Type.String({ pattern: '^[A-Z2-9]{4}-[A-Z2-9]{4}$' });

export const TerminalCreated = Type.Object({
  terminalId: TerminalId,
  centreId: Type.String(),
  /** One use, for ENROLMENT_CODE_HOURS: the technician types it on the kiosk. */
  code: EnrolmentCode,
  expiresAt: IsoDateTime,
});
export type TerminalCreated = Static<typeof TerminalCreated>;

export const ENROLMENT_CODE_HOURS = 24;

/** POST /api/v1/terminals/enrol: the kiosk's half. */
export const EnrolRequest = Type.Object({ code: EnrolmentCode, publicKey: PublicKeyJwk }, { additionalProperties: false });
export type EnrolRequest = Static<typeof EnrolRequest>;

/**
 * Where a citizen's phone reaches the back office (its PUBLIC_URL): an absolute http(s) URL without
 * user, query, fragment or trailing slash. The receipt's QR opens `${publicUrl}/track/<number>`.
 */
export const PublicUrl = Type.String({ pattern: '^https?://[^\\s/?#@]+(/[^\\s?#]*[^\\s?#/])?$', maxLength: 200 });

export const Enrolled = Type.Object({
  terminalId: TerminalId,
  centreId: Type.String(),
  /** What the kiosk seals packets to. */
  backOfficeKey: PublicKeyJwk,
  enrolledAt: IsoDateTime,
  /** Kept in the terminal's row: every receipt's QR, printed offline too, carries it (docs/sync.md, "The tracking address"). */
  publicUrl: PublicUrl,
});
export type Enrolled = Static<typeof Enrolled>;

/**
 * GET /api/v1/terminals/me, signed by the terminal: what the back office says of it now. How a kiosk
 * enrolled before `publicUrl` was in Enrolled learns it, and one whose back office moved learns the new one.
 */
export const TerminalProfile = Type.Object({ terminalId: TerminalId, centreId: Type.String(), publicUrl: PublicUrl });
export type TerminalProfile = Static<typeof TerminalProfile>;

/** 4xx codes of enrolment: the technician sees them in technician mode. */
export type EnrolError = 'invalid_code' | 'code_used' | 'code_expired' | 'invalid_request';

// --- Deferred checks ----------------------------------------------------------------------

/**
 * The checks that need a state system, made by the back office when a packet arrives if the kiosk
 * could not make them online; in the journey's order. The kiosk's offline policy
 * (src/flow/offline-policy.ts) and the back office's checks (server/sync/deferred-checks.ts) share them.
 */
export const DEFERRED_CHECKS = ['registry', 'phone', 'face_match', 'payment'] as const;
export type DeferredCheck = (typeof DEFERRED_CHECKS)[number];

// --- Sealed packets --------------------------------------------------------------------------

export const PACKET_VERSION = 1;

/**
 * The most a fee may be, in tiyn (1,000,000 ₸): far above any fee of the tariff (a passport is 8
 * MRP, about 35,000 ₸ in 2026) and far below what the `integer` column holds (2³¹ tiyn is about
 * 21 million ₸), so a fee the kiosk shows is never refused for its size and an absurd one never
 * reaches the database.
 */
export const MAX_FEE_TIYN = 100_000_000;

/** What is sealed: one finished application, everything the back office needs to finish it. */
export const ApplicationPayload = Type.Object(
  {
    application: Type.Object(
      {
        id: Uuid,
        number: ApplicationNumber,
        iin: Iin,
        service: ServiceCode,
        document: DocumentKind,
        lang: Lang,
        phone: Phone,
        centreId: CentreId,
        terminalId: TerminalId,
        /** Made on a terminal with the test device profile. */
        test: Type.Boolean(),
        createdAt: IsoDateTime,
        /**
         * The fee the kiosk showed (the tariff of the day), in integer tiyn; the back office checks
         * it. Kiosks before the tiyn sent `feeKzt` in whole tenge: server/sync/payload-check.ts
         * reads such a packet as `feeTiyn` = 100 × `feeKzt` (docs/api.md, "Money").
         */
        feeTiyn: Type.Integer({ minimum: 0, maximum: MAX_FEE_TIYN }),
        /** The gateway's payment id when the kiosk created the payment online; null when exempt or offline (paid by the QR's reference). */
        paymentId: Type.Union([Text({ maxLength: 64 }), Type.Null()]),
      },
      { additionalProperties: false },
    ),
    /** Checks the back office already made while the kiosk was online; null: deferred to the packet's arrival. */
    online: Type.Object(
      {
        phoneToken: Type.Union([Text({ maxLength: 64 }), Type.Null()]),
        identityToken: Type.Union([Text({ maxLength: 64 }), Type.Null()]),
      },
      { additionalProperties: false },
    ),
    face: Type.Object(
      {
        /** The live descriptor, for the face match deferred to the back office when the kiosk was offline. */
        descriptor: Type.Array(Type.Number(), { minItems: DESCRIPTOR_LENGTH, maxItems: DESCRIPTOR_LENGTH }),
        liveness: LivenessEvidence,
      },
      { additionalProperties: false },
    ),
    photo: Type.Object(
      { jpeg: Type.String({ maxLength: (MAX_PORTRAIT_BYTES / 3) * 4 }), quality: PhotoQuality },
      { additionalProperties: false },
    ),
    signaturePng: Type.String({ maxLength: 2_000_000 }),
  },
  { additionalProperties: false },
);
export type ApplicationPayload = Static<typeof ApplicationPayload>;

/**
 * On the wire. `signature` is ECDSA P-256 / SHA-256 (IEEE P1363, r‖s) by the terminal's key over
 * `packetSignedBytes(packet)`; `ciphertext` is AES-256-GCM (tag appended, as WebCrypto gives it)
 * of the UTF-8 JSON payload, with `packetHeaderBytes(packet)` as additional data.
 */
export const SealedPacket = Type.Object(
  {
    v: Type.Literal(PACKET_VERSION),
    terminalId: TerminalId,
    /** The application's id: also the idempotency key. */
    applicationId: Uuid,
    /** Per terminal, from 1, one more for every packet sealed; an `integer` column holds it. */
    seq: Type.Integer({ minimum: 1, maximum: MAX_INT32 }),
    sealedAt: IsoDateTime,
    /** The ephemeral ECDH public key of this packet. */
    epk: PublicKeyJwk,
    /** 12 bytes. */
    iv: B64u(16),
    ciphertext: B64u(4_000_000),
    /** 64 bytes. */
    signature: B64u(86),
  },
  { additionalProperties: false },
);
export type SealedPacket = Static<typeof SealedPacket>;

/** The header fields, in this order, as UTF-8 JSON: the AES-GCM additional data. */
export function packetHeaderBytes(p: Pick<SealedPacket, 'v' | 'terminalId' | 'applicationId' | 'seq' | 'sealedAt'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify([p.v, p.terminalId, p.applicationId, p.seq, p.sealedAt]));
}

/** Everything but the signature, in this order, as UTF-8 JSON: what the terminal signs. */
export function packetSignedBytes(p: Omit<SealedPacket, 'signature'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    JSON.stringify([p.v, p.terminalId, p.applicationId, p.seq, p.sealedAt, p.epk.x, p.epk.y, p.iv, p.ciphertext]),
  );
}

/** HKDF's info: binds the derived key to its packet. */
export function packetKeyInfo(applicationId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`kiosk-packet-v${PACKET_VERSION}:${applicationId}`);
}

/** POST /api/v1/packets → 201 (new) or 200 (this very packet again). */
export const PacketReceived = Type.Object({
  applicationId: Uuid,
  number: Type.String(),
  status: Type.Literal('received'),
});
export type PacketReceived = Static<typeof PacketReceived>;

/**
 * 4xx codes of POST /api/v1/packets. The kiosk keeps such a packet, quarantined with the code,
 * for the technician; 5xx and network errors are retried.
 * - unknown_terminal (403), revoked_terminal (403)
 * - bad_signature (400): the bytes are not what the terminal signed (altered in transit)
 * - replay (409): this application id, or this terminal's seq, came before in another packet
 * - undecryptable (400): signed, but not sealed to this back office's key
 * - invalid_payload (422): opened, but the application inside is not valid
 * - invalid_request (400): not a packet at all
 */
export type PacketErrorCode = 'unknown_terminal' | 'revoked_terminal' | 'bad_signature' | 'replay' | 'undecryptable' | 'invalid_payload' | 'invalid_request';
