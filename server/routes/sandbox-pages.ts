import type { FastifyPluginAsync } from 'fastify';
import { requireSandbox, SETTLEMENTS } from './sandbox';

const REFRESH_S = 3;

/** The tester pages: plain server-rendered HTML that works without the kiosk, clearly marked SANDBOX. */
const sandboxPages: FastifyPluginAsync = async (app) => {
  const sandbox = requireSandbox(app);
  // The Pay/Decline/Let expire buttons are plain forms; their (empty) bodies carry nothing to read.
  app.addContentTypeParser('application/x-www-form-urlencoded', (_request, _payload, done) => done(null, {}));

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
        return `<tr><td>${escapeHtml(p.reference)}</td><td>${p.amountKzt} ₸</td><td class="${escapeHtml(p.status)}">${escapeHtml(p.status)}</td><td>${escapeHtml(p.expiresAt)}</td><td>${buttons}</td></tr>`;
      })
      .join('');
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(
      page(
        'Payments',
        `<table><thead><tr><th>Application</th><th>Amount</th><th>Status</th><th>Expires</th><th></th></tr></thead><tbody>${rows || empty(5)}</tbody></table>`,
      ),
    );
  });

  for (const [action, outcome] of Object.entries(SETTLEMENTS)) {
    app.post<{ Params: { id: string } }>(`/payments/:id/${action}`, async (request, reply) => {
      await sandbox.payments.settle(request.params.id, outcome);
      return reply.redirect('/sandbox/payments', 303);
    });
  }
};

function empty(columns: number): string {
  return `<tr><td colspan="${columns}">Nothing yet.</td></tr>`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${REFRESH_S}">
<title>SANDBOX — ${title}</title>
<style>
body{font:16px system-ui,sans-serif;margin:2rem}h1{color:#b00020}.banner{background:#b00020;color:#fff;padding:.5rem 1rem;font-weight:bold}
table{border-collapse:collapse;margin-top:1rem}td,th{border:1px solid #ccc;padding:.4rem .6rem;text-align:left}form{display:inline;margin-right:.3rem}
.paid{color:#060}.declined,.expired{color:#b00020}
</style></head>
<body><div class="banner">SANDBOX — synthetic data, no real SMS or money</div>
<h1>SANDBOX: ${title}</h1><nav><a href="/sandbox/sms">SMS</a> · <a href="/sandbox/payments">Payments</a></nav>
${body}
</body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export default sandboxPages;
