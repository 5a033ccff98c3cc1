import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../../src/protocol/common';
import { TerminalId } from '../../src/protocol/packets';
import { logUploadSignedBytes, TechnicianLogReceived, TechnicianLogUpload } from '../../src/protocol/technician-log';
import { verifyTerminalSignature } from '../../src/sync/seal';
import { parseLogLines } from '../sync/log-lines';
import { terminalKey } from '../sync/terminal-key';

const Params = Type.Object({ terminalId: TerminalId });

/** JSON escapes can make the body up to twice the lines' MAX_LOG_BYTES; above this the body is not even read. */
const BODY_LIMIT = 2 * 1024 * 1024;

/** A terminal's technician log (src/protocol/technician-log.ts), signed by the terminal, stored once per entry. */
const terminalLogRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: Static<typeof Params>; Body: TechnicianLogUpload; Reply: TechnicianLogReceived | ApiError }>(
    '/terminals/:terminalId/log',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        params: Params,
        body: TechnicianLogUpload,
        response: { 200: TechnicianLogReceived, 400: ApiError, 403: ApiError, 413: ApiError },
      },
      // A body past the limit is the same refusal as lines past MAX_LOG_BYTES, under the same code;
      // anything else goes on to the app's error handler (plugins/errors.ts).
      errorHandler(error, _request, reply) {
        if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
        void reply.code(413).send({ code: 'log_too_large' });
      },
    },
    async (request, reply) => {
      const { terminalId } = request.params;
      const terminal = await terminalKey(app.terminals, terminalId);
      if (!terminal.ok) return reply.code(403).send({ code: terminal.code });
      if (!(await verifyTerminalSignature(terminal.key, request.body.signature, logUploadSignedBytes(terminalId, request.body)))) {
        return reply.code(400).send({ code: 'bad_signature' });
      }
      const lines = parseLogLines(request.body.jsonl);
      if (!lines.ok) return reply.code(lines.code === 'log_too_large' ? 413 : 400).send({ code: lines.code, detail: lines.detail });
      const stored = await app.terminalLog.store(terminalId, lines.entries, app.clock());
      request.log.info({ terminalId, entries: lines.entries.length, received: stored.received }, 'technician log received');
      return stored;
    },
  );
};

export default terminalLogRoutes;
