import type { FastifyPluginAsync } from 'fastify';
import { refuseCrossSiteChanges } from './cross-site';
import { formatTiyn } from '../../src/domain/fees';
import { isStorableText } from '../../src/protocol/formats';
import type { QrPayment } from '../adapters/sandbox-payments';
import { withdrawTestApplications, type TestWithdrawal } from '../applications/withdraw-test-applications';
import { PaymentParams, requireSandbox, SETTLEMENTS } from './sandbox';

const REFRESH_S = 3;

/**
 * The pages' style and script, served as files: the Content-Security-Policy every answer carries
 * (plugins/security-headers.ts) allows no inline <style>, <script> or handler.
 */
const STYLESHEET = `body{font:16px system-ui,sans-serif;margin:2rem}h1{color:#b00020}.banner{background:#b00020;color:#fff;padding:.5rem 1rem;font-weight:bold}
table{border-collapse:collapse;margin-top:1rem}td,th{border:1px solid #ccc;padding:.4rem .6rem;text-align:left}form{display:inline;margin-right:.3rem}
form.qr{display:block;margin-top:1rem}textarea{font:13px monospace}
.paid{color:#060}.declined,.expired{color:#b00020}
form.citizen{display:block;margin-top:1rem}input[name=iin]{font:18px monospace;width:10em}ul.done li{margin:.2rem 0}
`;
/** Refreshes the payments page, but not while a QR is being pasted, so a refresh does not wipe the paste. */
const REFRESH_UNLESS_TYPING = `setInterval(() => { if (!document.getElementById('qr').value.trim()) location.reload(); }, ${REFRESH_S * 1000});
`;

/** The tester pages: plain server-rendered HTML that works without the kiosk, clearly marked SANDBOX. */
const sandboxPages: FastifyPluginAsync = async (app) => {
  const sandbox = requireSandbox(app);
  // The forms change the sandbox's state (pay any payment or QR): only its own pages may send them,
  // never another site's page in a tester's browser.
  app.addHook('onRequest', refuseCrossSiteChanges);
  app.get('/sandbox.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'no-cache').send(STYLESHEET));
  app.get('/refresh-unless-typing.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'no-cache').send(REFRESH_UNLESS_TYPING),
  );
  // The pages' plain forms: the Pay/Decline/Let expire buttons send nothing, the QR form its text.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body.toString())));
  });

  app.get('/sms', async (_request, reply) => {
    const messages = await sandbox.sms.latest(undefined, 50);
    const rows = messages
      .map((m) => `<tr><td>${escapeHtml(m.sentAt)}</td><td>${escapeHtml(m.phone)}</td><td>${escapeHtml(m.text)}</td></tr>`)
      .join('');
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(
      page('SMS', `<table><thead><tr><th>Sent</th><th>Phone</th><th>Text</th></tr></thead><tbody>${rows || empty(3)}</tbody></table>`),
    );
  });

  app.get('/payments', async (_request, reply) => {
    const payments = await sandbox.payments.list();
    const rows = payments
      .map((p) => {
        const buttons =
          p.status === 'pending'
            ? [['pay', 'Pay'], ['decline', 'Decline'], ['expire', 'Let expire']]
                .map(([action, label]) => `<form method="post" action="/sandbox/payments/${encodeURIComponent(p.id)}/${action}"><button>${label}</button></form>`)
                .join('')
            : '';
        return `<tr><td>${escapeHtml(p.reference)}</td><td>${escapeHtml(formatTiyn(p.amountTiyn, 'en'))}</td><td class="${escapeHtml(p.status)}">${escapeHtml(p.status)}</td><td>${escapeHtml(p.expiresAt)}</td><td>${buttons}</td></tr>`;
      })
      .join('');
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(
      page(
        'Payments',
        `${qrForm('')}<table><thead><tr><th>Application</th><th>Amount</th><th>Status</th><th>Expires</th><th></th></tr></thead><tbody>${rows || empty(5)}</tbody></table>`,
        'unless_typing',
      ),
    );
  });

  // What the citizen's banking app does with a QR the kiosk made offline (POST /api/v1/sandbox/qr/pay).
  app.post<{ Body: Record<string, unknown> | undefined }>('/qr/pay', async (request, reply) => {
    const pasted = request.body?.qrPayload;
    // Pasted text often comes with a line break; a QR payload has no white space at its ends.
    const qrPayload = typeof pasted === 'string' ? pasted.trim() : '';
    // A NUL or a lone surrogate is in no QR, and the database could not even look it up.
    const result: QrPayment = isStorableText(qrPayload)
      ? await sandbox.payments.payQr(qrPayload)
      : { ok: false, code: 'qr_malformed', detail: 'the text holds a character no QR carries' };
    if (result.ok) {
      request.log.info({ paymentId: result.payment.id, reference: result.payment.reference }, 'sandbox QR paid');
      return reply.redirect('/sandbox/payments', 303);
    }
    const message = `<p class="declined">Not paid: <b>${escapeHtml(result.code)}</b> — ${escapeHtml(result.detail)}</p>`;
    return reply
      .code(result.code === 'not_pending' ? 409 : 400)
      .type('text/html; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .send(page('Payments', `${message}${qrForm(qrPayload)}<p><a href="/sandbox/payments">Back to the payments</a></p>`, 'none'));
  });

  // Run a test citizen again (POST /api/v1/sandbox/citizens/:iin/withdraw-test-applications as a form).
  app.get('/citizens', async (_request, reply) => reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(citizensPage('', '')));

  app.post<{ Body: Record<string, unknown> | undefined }>('/citizens/withdraw', async (request, reply) => {
    const typed = request.body?.iin;
    // Typed with spaces or pasted with a line break: the digits are what count.
    const iin = typeof typed === 'string' ? typed.replace(/\s/g, '') : '';
    if (!/^[0-9]{12}$/.test(iin)) {
      const shown = typeof typed === 'string' && isStorableText(typed) ? typed.slice(0, 40) : '';
      const message = '<p class="declined" data-outcome="not_an_iin">Not an IIN: type the citizen’s 12 digits.</p>';
      return reply.code(400).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(citizensPage(message, shown));
    }
    const result = await withdrawTestApplications(app.db, iin, app.clock());
    request.log.info({ withdrawn: result.withdrawn.map((a) => a.number), kept: result.kept.length }, 'sandbox test applications withdrawn');
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(citizensPage(withdrawalMessage(iin, result), iin));
  });

  for (const [action, outcome] of Object.entries(SETTLEMENTS)) {
    app.post<{ Params: { id: string } }>(`/payments/:id/${action}`, { schema: { params: PaymentParams } }, async (request, reply) => {
      await sandbox.payments.settle(request.params.id, outcome);
      return reply.redirect('/sandbox/payments', 303);
    });
  }
};

const CITIZENS_INTRO = `<p>Run the same test citizen again: their open <b>test</b> applications (made by a kiosk opened with
<code>?profile=test</code>) are withdrawn, so the next journey is not refused as “application in progress”. Nothing is
deleted: each is marked <i>withdrawn</i>, with this tester’s event in its history (the staff console shows it).</p>`;

function citizensPage(message: string, iin: string): string {
  const form = `<form method="post" action="/sandbox/citizens/withdraw" class="citizen"><label for="iin">IIN</label>
<input id="iin" name="iin" value="${escapeHtml(iin)}" inputmode="numeric" maxlength="40" required autocomplete="off">
<button>Withdraw this citizen’s test applications</button></form>`;
  return page('Test citizens', `${CITIZENS_INTRO}${message}${form}`, 'none');
}

function withdrawalMessage(iin: string, { withdrawn, kept }: TestWithdrawal): string {
  const list = (items: TestWithdrawal['withdrawn']) => `<ul class="done">${items.map((a) => `<li>${escapeHtml(a.number)} (was ${escapeHtml(a.from)})</li>`).join('')}</ul>`;
  const done =
    withdrawn.length > 0
      ? `<p class="paid" data-outcome="withdrawn">Withdrew ${withdrawn.length} test application${withdrawn.length === 1 ? '' : 's'} of ${escapeHtml(iin)}: this citizen can start a new journey.</p>${list(withdrawn)}`
      : `<p data-outcome="none">No open test application of ${escapeHtml(iin)}: nothing to withdraw.</p>`;
  const left = kept.length > 0
    ? `<p class="declined" data-outcome="kept">Kept ${kept.length} open application${kept.length === 1 ? '' : 's'} that ${kept.length === 1 ? 'is' : 'are'} not a test one (made by a kiosk without <code>?profile=test</code>): the citizen is still refused as “application in progress” until ${kept.length === 1 ? 'it is' : 'they are'} decided.</p>${list(kept)}`
    : '';
  return `${done}${left}`;
}

function empty(columns: number): string {
  return `<tr><td colspan="${columns}">Nothing yet.</td></tr>`;
}

function qrForm(qrPayload: string): string {
  return `<form method="post" action="/sandbox/qr/pay" class="qr"><label for="qr">Pay a QR the kiosk made offline (paste the QR text)</label><br>
<textarea id="qr" name="qrPayload" rows="3" cols="70" maxlength="512" required spellcheck="false">${escapeHtml(qrPayload)}</textarea><br><button>Pay this QR</button></form>`;
}

/** A page that refreshes itself, or does so only while its QR box is empty, so a refresh does not wipe a paste. */
const REFRESH: Record<'meta' | 'unless_typing' | 'none', string> = {
  meta: `<meta http-equiv="refresh" content="${REFRESH_S}">`,
  unless_typing: '<script src="/sandbox/refresh-unless-typing.js" defer></script>',
  none: '',
};

function page(title: string, body: string, refresh: keyof typeof REFRESH = 'meta'): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">${REFRESH[refresh]}
<title>SANDBOX — ${title}</title>
<link rel="stylesheet" href="/sandbox/sandbox.css"></head>
<body><div class="banner">SANDBOX — synthetic data, no real SMS or money</div>
<h1>SANDBOX: ${title}</h1><nav><a href="/sandbox/sms">SMS</a> · <a href="/sandbox/payments">Payments</a> · <a href="/sandbox/citizens">Test citizens</a></nav>
${body}
</body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export default sandboxPages;
