import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support';
import { FAILURES_PER_USERNAME } from './lockout';
import { ABSOLUTE_TIMEOUT_S, IDLE_TIMEOUT_S, SESSION_COOKIE } from './session-token';
import { asStaff, sessionCookieOf, signIn, signInRequest } from './test-staff';

// One back office for the file (a PGlite start costs seconds): each test signs in as an account
// and from an address of its own (X-Forwarded-For, believed here), so their lockouts do not meet.
describe('staff sign-in and sessions', () => {
  let t: TestApp;
  let auditFrom = 0;
  beforeAll(async () => {
    t = await createTestApp({ jobs: { workers: false }, trustProxy: true });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    auditFrom = (await t.db.query<{ n: number }>('SELECT COALESCE(max(id), 0)::int AS n FROM audit_log')).rows[0]!.n;
  });

  /** What this test added to the audit log. */
  const auditActions = async () =>
    (await t.db.query<{ action: string; details: Record<string, unknown> }>('SELECT action, details FROM audit_log WHERE id > $1 ORDER BY id', [auditFrom])).rows;

  it('signs a sandbox account in with an httpOnly, Secure, SameSite=Strict cookie and a CSRF token, and says who is signed in', async () => {
    const response = await t.app.inject(signInRequest({ username: 'operator', password: 'sandbox-password' }));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.staff).toEqual({ id: expect.any(String), username: 'operator', role: 'operator', branchId: 'AST', centreId: 'AST-ESIL', totp: false });
    expect(body).not.toHaveProperty('staff.passwordHash');
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.idleTimeoutS).toBe(IDLE_TIMEOUT_S);
    expect(new Date(body.expiresAt).getTime() - t.now().getTime()).toBe(ABSOLUTE_TIMEOUT_S * 1000);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    // A browser-session cookie: closing the browser on a shared desk ends it.
    expect(cookie).not.toHaveProperty('maxAge');

    const who = await asStaff(t.app, { cookie: cookie!.value, csrfToken: '', session: body }, { method: 'GET', url: '/api/v1/staff/session' });
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ staff: { username: 'operator' }, csrfToken: body.csrfToken });
    expect((await auditActions()).map((a) => a.action)).toEqual(['sign_in']);
  });

  it('finds the username whatever its case', async () => {
    const response = await t.app.inject(signInRequest({ username: 'ANALYST', password: 'sandbox-password' }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ staff: { username: 'analyst', role: 'analyst' } });
  });

  it('answers a wrong password and an unknown username alike, 401 invalid_credentials, and audits both', async () => {
    const wrong = await t.app.inject(signInRequest({ username: 'operator', password: 'not-the-password' }));
    const unknown = await t.app.inject(signInRequest({ username: 'nobody', password: 'sandbox-password' }));
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ code: 'invalid_credentials' });
      expect(sessionCookieOf(response)).toBeNull();
    }
    const audit = await auditActions();
    expect(audit.map((a) => [a.action, a.details.username, a.details.why])).toEqual([
      ['sign_in_failed', 'operator', 'wrong_password'],
      ['sign_in_failed', 'nobody', 'unknown_username'],
    ]);
    expect(audit.some((a) => JSON.stringify(a.details).includes('not-the-password'))).toBe(false);
  });

  it('refuses a body that is not a sign-in with 400, and counts nothing', async () => {
    for (const payload of [{ username: 'operator' }, { username: 'operator', password: 'x', extra: 1 }, { username: 'a b', password: 'x' }, { username: 'operator', password: 'x'.repeat(257) }]) {
      const response = await t.app.inject(signInRequest(payload));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'invalid_request' });
    }
    expect(await auditActions()).toEqual([]);
  });

  it('locks a username out after five failures: 429 sign_in_locked with Retry-After, even with the right password, until the window ends', async () => {
    const from = { 'x-forwarded-for': '10.0.0.5' };
    const codes: number[] = [];
    for (let i = 0; i < FAILURES_PER_USERNAME.limit; i++) {
      codes.push((await t.app.inject(signInRequest({ username: 'supervisor', password: `wrong-${i}` }, from))).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    // From any address: the lock is the account's.
    const locked = await t.app.inject(signInRequest({ username: 'Supervisor', password: 'sandbox-password' }, { 'x-forwarded-for': '10.0.0.6' }));
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toEqual({ code: 'sign_in_locked' });
    expect(Number(locked.headers['retry-after'])).toBe(FAILURES_PER_USERNAME.windowS);
    // Another account from the same address still signs in.
    expect((await t.app.inject(signInRequest({ username: 'operator', password: 'sandbox-password' }, from))).statusCode).toBe(200);
    const actions = (await auditActions()).map((a) => a.action);
    expect(actions.filter((a) => a === 'sign_in_failed')).toHaveLength(5);
    expect(actions.filter((a) => a === 'sign_in_locked')).toHaveLength(1);

    t.advance(FAILURES_PER_USERNAME.windowS);
    expect((await t.app.inject(signInRequest({ username: 'supervisor', password: 'sandbox-password' }))).statusCode).toBe(200);
  });

  it('locks an address out after thirty failures, whatever the usernames', async () => {
    const from = { 'x-forwarded-for': '10.9.8.7' };
    let last = 0;
    for (let i = 0; i < 30; i++) last = (await t.app.inject(signInRequest({ username: `guess${i}`, password: 'sandbox-password' }, from))).statusCode;
    expect(last).toBe(429);
    const response = await t.app.inject(signInRequest({ username: 'operator', password: 'sandbox-password' }, from));
    expect(response.statusCode).toBe(429);
    expect(response.json()).toEqual({ code: 'sign_in_locked' });
    // The same account from another address signs in.
    expect((await t.app.inject(signInRequest({ username: 'operator', password: 'sandbox-password' }, { 'x-forwarded-for': '10.9.8.8' }))).statusCode).toBe(200);
  });

  it('ends a session idle for 30 minutes (session_expired), and slides it while in use', async () => {
    const who = await signIn(t.app, 'analyst');
    t.advance(IDLE_TIMEOUT_S - 60);
    expect((await asStaff(t.app, who, { method: 'GET', url: '/api/v1/staff/session' })).statusCode).toBe(200);
    t.advance(IDLE_TIMEOUT_S - 60);
    expect((await asStaff(t.app, who, { method: 'GET', url: '/api/v1/staff/session' })).statusCode).toBe(200);
    t.advance(IDLE_TIMEOUT_S);
    const expired = await asStaff(t.app, who, { method: 'GET', url: '/api/v1/staff/session' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ code: 'session_expired' });
    expect(expired.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    // Gone for good: the next try finds no session at all.
    expect((await asStaff(t.app, who, { method: 'GET', url: '/api/v1/staff/session' })).json()).toEqual({ code: 'no_session' });
  });

  it('ends a session at its absolute end however busy it is', async () => {
    const who = await signIn(t.app, 'analyst');
    for (let elapsed = 0; elapsed < ABSOLUTE_TIMEOUT_S - 20 * 60; elapsed += 20 * 60) {
      t.advance(20 * 60);
      expect((await asStaff(t.app, who, { method: 'GET', url: '/api/v1/staff/session' })).statusCode).toBe(200);
    }
    t.advance(20 * 60);
    expect((await asStaff(t.app, who, { method: 'GET', url: '/api/v1/staff/session' })).json()).toEqual({ code: 'session_expired' });
  });

  it('answers 401 no_session without a cookie or with a made-up one', async () => {
    expect((await asStaff(t.app, null, { method: 'GET', url: '/api/v1/staff/session' })).json()).toEqual({ code: 'no_session' });
    const forged = await asStaff(t.app, { cookie: 'forged', csrfToken: 'x', session: null! }, { method: 'GET', url: '/api/v1/staff/session' });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toEqual({ code: 'no_session' });
  });

  it('signs out: the session ends at once, the cookie is cleared, and it is audited', async () => {
    const who = await signIn(t.app, 'operator');
    const out = await asStaff(t.app, who, { method: 'DELETE', url: '/api/v1/staff/session' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expect((await asStaff(t.app, who, { method: 'GET', url: '/api/v1/staff/session' })).json()).toEqual({ code: 'no_session' });
    expect((await auditActions()).map((a) => a.action)).toEqual(['sign_in', 'sign_out']);
  });

  it('needs the CSRF token to sign out: 403 csrf when missing or wrong, and the session lives on', async () => {
    const who = await signIn(t.app, 'operator');
    const missing = await asStaff(t.app, { ...who, csrfToken: '' }, { method: 'DELETE', url: '/api/v1/staff/session' });
    const wrong = await asStaff(t.app, { ...who, csrfToken: who.csrfToken.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, { method: 'DELETE', url: '/api/v1/staff/session' });
    for (const response of [missing, wrong]) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ code: 'csrf' });
    }
    expect((await asStaff(t.app, who, { method: 'GET', url: '/api/v1/staff/session' })).statusCode).toBe(200);
  });

  it("refuses another site's page: signing in and signing out, by Sec-Fetch-Site or Origin", async () => {
    const who = await signIn(t.app, 'operator');
    const signInFromElsewhere = await t.app.inject(signInRequest({ username: 'operator', password: 'sandbox-password' }, { 'sec-fetch-site': 'cross-site' }));
    const signOutFromElsewhere = await asStaff(t.app, who, { method: 'DELETE', url: '/api/v1/staff/session', headers: { 'sec-fetch-site': 'same-site' } });
    const byOrigin = await t.app.inject(signInRequest({ username: 'operator', password: 'sandbox-password' }, { origin: 'https://evil.example', host: 'backoffice.example' }));
    for (const response of [signInFromElsewhere, signOutFromElsewhere, byOrigin]) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ code: 'cross_site_request' });
    }
  });

  describe('with a TOTP second factor', () => {
    const secret = new Secret({ size: 20 });
    const code = (at: Date) => new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() });

    beforeAll(async () => {
      const admin = await t.app.staffAccounts.findByUsername('admin');
      await t.app.staffAccounts.setTotpSecret(admin!.id, secret.base32);
    });

    it('asks for the code after the right password (totp_required), refuses a wrong one (invalid_totp), takes the right one once', async () => {
      const noCode = await t.app.inject(signInRequest({ username: 'admin', password: 'sandbox-password' }));
      expect(noCode.statusCode).toBe(401);
      expect(noCode.json()).toEqual({ code: 'totp_required' });
      const rightCode = code(t.now());
      const wrongCode = rightCode === '000000' ? '111111' : '000000';
      const wrong = await t.app.inject(signInRequest({ username: 'admin', password: 'sandbox-password', totp: wrongCode }));
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toEqual({ code: 'invalid_totp' });
      const right = await t.app.inject(signInRequest({ username: 'admin', password: 'sandbox-password', totp: rightCode }));
      expect(right.statusCode).toBe(200);
      expect(right.json()).toMatchObject({ staff: { username: 'admin', totp: true } });
      const replayed = await t.app.inject(signInRequest({ username: 'admin', password: 'sandbox-password', totp: rightCode }));
      expect(replayed.json()).toEqual({ code: 'invalid_totp' });
    });

    it('refuses the right code with a wrong password as invalid_credentials', async () => {
      const response = await t.app.inject(signInRequest({ username: 'admin', password: 'wrong-password', totp: code(t.now()) }));
      expect(response.json()).toEqual({ code: 'invalid_credentials' });
    });
  });
});
