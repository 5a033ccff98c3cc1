import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's bytes as they came, for routes that check a signature over them; null without a body. */
    rawBody: Buffer | null;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function refusal(statusCode: 400 | 415, message: string): FastifyError {
  return Object.assign(new Error(message), { statusCode, code: statusCode === 415 ? 'FST_ERR_CTP_INVALID_MEDIA_TYPE' : 'FST_ERR_CTP_INVALID_JSON', name: 'BodyRefused' }) as FastifyError;
}

/** `charset` of a Content-Type header, lower-case; null when it names none. */
export function charsetOf(contentType: string): string | null {
  for (const parameter of contentType.split(';').slice(1)) {
    const [name, value] = parameter.split('=').map((part) => part.trim().toLowerCase());
    if (name === 'charset') return (value ?? '').replace(/^"(.*)"$/, '$1');
  }
  return null;
}

/**
 * The API takes JSON in UTF-8 and nothing else (docs/api.md): any other media type or charset is a
 * 415, and a body that is not strict UTF-8 JSON — a byte-order mark, UTF-16, a stray byte — is a 400,
 * instead of being guessed at. The bytes are kept for the routes that check a terminal's signature.
 */
export default fp(
  async (app) => {
    app.decorateRequest('rawBody', null);
    app.removeAllContentTypeParsers();
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      const bytes = body as Buffer;
      const charset = charsetOf(request.headers['content-type'] ?? '');
      if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') return done(refusal(415, `charset ${charset} is not taken: send UTF-8`), undefined);
      if (bytes.length === 0) return done(refusal(400, 'the body is empty'), undefined);
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return done(refusal(400, 'the body starts with a byte-order mark'), undefined);
      let text: string;
      try {
        text = UTF8.decode(bytes);
      } catch {
        return done(refusal(400, 'the body is not UTF-8'), undefined);
      }
      request.rawBody = bytes;
      void parseJson(request, text, done);
    });
  },
  { name: 'json-body' },
);
