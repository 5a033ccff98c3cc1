-- The back office's staff (server/staff/): branches of the state corporation, one per region,
-- their public service centres (ЦОН), staff accounts with a role, their sessions, and the audit
-- log of what staff did. Reasons in docs/security.md, "Staff".

CREATE TABLE branches (
  id text PRIMARY KEY,
  -- A stable code of the region the branch serves: one branch per region.
  region text NOT NULL UNIQUE,
  name_ru text NOT NULL,
  name_kk text NOT NULL
);

-- Opening hours are a JSON object from weekday ('mon' … 'sun') to 'HH:MM-HH:MM'; a day not named
-- is a day off. The seed's addresses name the city and district only; admins write the street.
CREATE TABLE centres (
  id text PRIMARY KEY,
  branch_id text NOT NULL REFERENCES branches (id),
  name_ru text NOT NULL,
  name_kk text NOT NULL,
  region text NOT NULL,
  address text NOT NULL,
  hours jsonb NOT NULL,
  -- What staff.centre_id refers to together with the branch, so an operator's centre is in their branch.
  UNIQUE (id, branch_id)
);

INSERT INTO branches (id, region, name_ru, name_kk) VALUES
  ('AST', 'astana', 'Филиал по г. Астане', 'Астана қаласы бойынша филиалы'),
  ('ALA', 'almaty', 'Филиал по г. Алматы', 'Алматы қаласы бойынша филиалы'),
  ('SHY', 'shymkent', 'Филиал по г. Шымкенту', 'Шымкент қаласы бойынша филиалы'),
  ('BAI', 'baikonur', 'Филиал по г. Байконыру', 'Байқоңыр қаласы бойынша филиалы'),
  ('ABA', 'abai', 'Филиал по области Абай', 'Абай облысы бойынша филиалы'),
  ('AKM', 'akmola', 'Филиал по Акмолинской области', 'Ақмола облысы бойынша филиалы'),
  ('AKT', 'aktobe', 'Филиал по Актюбинской области', 'Ақтөбе облысы бойынша филиалы'),
  ('ALM', 'almaty_region', 'Филиал по Алматинской области', 'Алматы облысы бойынша филиалы'),
  ('ATY', 'atyrau', 'Филиал по Атырауской области', 'Атырау облысы бойынша филиалы'),
  ('VKO', 'east_kazakhstan', 'Филиал по Восточно-Казахстанской области', 'Шығыс Қазақстан облысы бойынша филиалы'),
  ('ZHM', 'jambyl', 'Филиал по Жамбылской области', 'Жамбыл облысы бойынша филиалы'),
  ('ZHT', 'jetisu', 'Филиал по области Жетісу', 'Жетісу облысы бойынша филиалы'),
  ('KAR', 'karaganda', 'Филиал по Карагандинской области', 'Қарағанды облысы бойынша филиалы'),
  ('KOS', 'kostanay', 'Филиал по Костанайской области', 'Қостанай облысы бойынша филиалы'),
  ('KZO', 'kyzylorda', 'Филиал по Кызылординской области', 'Қызылорда облысы бойынша филиалы'),
  ('MAN', 'mangystau', 'Филиал по Мангистауской области', 'Маңғыстау облысы бойынша филиалы'),
  ('PAV', 'pavlodar', 'Филиал по Павлодарской области', 'Павлодар облысы бойынша филиалы'),
  ('SKO', 'north_kazakhstan', 'Филиал по Северо-Казахстанской области', 'Солтүстік Қазақстан облысы бойынша филиалы'),
  ('TUR', 'turkistan', 'Филиал по Туркестанской области', 'Түркістан облысы бойынша филиалы'),
  ('ULY', 'ulytau', 'Филиал по области Ұлытау', 'Ұлытау облысы бойынша филиалы'),
  ('ZKO', 'west_kazakhstan', 'Филиал по Западно-Казахстанской области', 'Батыс Қазақстан облысы бойынша филиалы');

-- The usual hours of a ЦОН: weekdays 09:00–20:00 without a break, Saturday morning.
INSERT INTO centres (id, branch_id, name_ru, name_kk, region, address, hours)
SELECT c.id, c.branch_id, c.name_ru, c.name_kk, b.region, c.address,
       '{"mon":"09:00-20:00","tue":"09:00-20:00","wed":"09:00-20:00","thu":"09:00-20:00","fri":"09:00-20:00","sat":"09:00-13:00"}'::jsonb
FROM (VALUES
  -- AST-ESIL: the centre the sandbox's terminals are enrolled to (server/sync/terminal-enrolment.ts).
  ('AST-ESIL', 'AST', 'ЦОН Есильского района г. Астаны', 'Астана қаласы Есіл ауданының ХҚКО', 'г. Астана, Есильский район'),
  ('AST-SARYARKA', 'AST', 'ЦОН района Сарыарка г. Астаны', 'Астана қаласы Сарыарқа ауданының ХҚКО', 'г. Астана, район Сарыарка'),
  ('ALA-ALMALY', 'ALA', 'ЦОН Алмалинского района г. Алматы', 'Алматы қаласы Алмалы ауданының ХҚКО', 'г. Алматы, Алмалинский район'),
  ('SHY-ABAI', 'SHY', 'ЦОН Абайского района г. Шымкента', 'Шымкент қаласы Абай ауданының ХҚКО', 'г. Шымкент, Абайский район'),
  ('BAI-CITY', 'BAI', 'ЦОН г. Байконыра', 'Байқоңыр қаласының ХҚКО', 'г. Байконыр'),
  ('ABA-SEMEY', 'ABA', 'ЦОН г. Семея', 'Семей қаласының ХҚКО', 'область Абай, г. Семей'),
  ('AKM-KOKSHETAU', 'AKM', 'ЦОН г. Кокшетау', 'Көкшетау қаласының ХҚКО', 'Акмолинская область, г. Кокшетау'),
  ('AKT-AKTOBE', 'AKT', 'ЦОН г. Актобе', 'Ақтөбе қаласының ХҚКО', 'Актюбинская область, г. Актобе'),
  ('ALM-KONAEV', 'ALM', 'ЦОН г. Конаева', 'Қонаев қаласының ХҚКО', 'Алматинская область, г. Конаев'),
  ('ATY-ATYRAU', 'ATY', 'ЦОН г. Атырау', 'Атырау қаласының ХҚКО', 'Атырауская область, г. Атырау'),
  ('VKO-OSKEMEN', 'VKO', 'ЦОН г. Усть-Каменогорска', 'Өскемен қаласының ХҚКО', 'Восточно-Казахстанская область, г. Усть-Каменогорск'),
  ('ZHM-TARAZ', 'ZHM', 'ЦОН г. Тараза', 'Тараз қаласының ХҚКО', 'Жамбылская область, г. Тараз'),
  ('ZHT-TALDYKORGAN', 'ZHT', 'ЦОН г. Талдыкоргана', 'Талдықорған қаласының ХҚКО', 'область Жетісу, г. Талдыкорган'),
  ('KAR-KARAGANDA', 'KAR', 'ЦОН г. Караганды', 'Қарағанды қаласының ХҚКО', 'Карагандинская область, г. Караганда'),
  ('KOS-KOSTANAY', 'KOS', 'ЦОН г. Костаная', 'Қостанай қаласының ХҚКО', 'Костанайская область, г. Костанай'),
  ('KZO-KYZYLORDA', 'KZO', 'ЦОН г. Кызылорды', 'Қызылорда қаласының ХҚКО', 'Кызылординская область, г. Кызылорда'),
  ('MAN-AKTAU', 'MAN', 'ЦОН г. Актау', 'Ақтау қаласының ХҚКО', 'Мангистауская область, г. Актау'),
  ('PAV-PAVLODAR', 'PAV', 'ЦОН г. Павлодара', 'Павлодар қаласының ХҚКО', 'Павлодарская область, г. Павлодар'),
  ('SKO-PETROPAVL', 'SKO', 'ЦОН г. Петропавловска', 'Петропавл қаласының ХҚКО', 'Северо-Казахстанская область, г. Петропавловск'),
  ('TUR-TURKISTAN', 'TUR', 'ЦОН г. Туркестана', 'Түркістан қаласының ХҚКО', 'Туркестанская область, г. Туркестан'),
  ('ULY-ZHEZKAZGAN', 'ULY', 'ЦОН г. Жезказгана', 'Жезқазған қаласының ХҚКО', 'область Ұлытау, г. Жезказган'),
  ('ZKO-ORAL', 'ZKO', 'ЦОН г. Уральска', 'Орал қаласының ХҚКО', 'Западно-Казахстанская область, г. Уральск')
) AS c (id, branch_id, name_ru, name_kk, address)
JOIN branches b ON b.id = c.branch_id;

-- Accounts are never deleted, only disabled: the audit log names them for good.
CREATE TABLE staff (
  id uuid PRIMARY KEY,
  username text NOT NULL,
  -- An argon2id PHC string (server/staff/password.ts); the password itself is never stored.
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('operator', 'supervisor', 'analyst', 'admin')),
  branch_id text REFERENCES branches (id),
  centre_id text,
  -- Base32 TOTP secret of the second factor, null without one; the last time step used, so a code is taken once.
  totp_secret text,
  totp_last_step bigint,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (centre_id, branch_id) REFERENCES centres (id, branch_id),
  -- An operator works at one centre, a supervisor heads one branch (docs/security.md, "Staff").
  CHECK (role <> 'operator' OR centre_id IS NOT NULL),
  CHECK (role <> 'supervisor' OR branch_id IS NOT NULL),
  CHECK (centre_id IS NULL OR branch_id IS NOT NULL)
);
-- 'Admin' and 'admin' are one account: sign-in looks the name up in lower case.
CREATE UNIQUE INDEX staff_username_lower ON staff (lower(username));

-- A session is found by the SHA-256 of its cookie's token: a copy of the database signs nobody in.
CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  staff_id uuid NOT NULL REFERENCES staff (id),
  -- SHA-256 of the CSRF token the session's requests must carry (server/staff/session-token.ts).
  csrf_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- The absolute end, however busy the session; the idle end is last_seen_at plus the idle timeout.
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
CREATE INDEX staff_sessions_last_seen ON staff_sessions (last_seen_at);

-- What staff did: sign-ins and their failures, every view of personal data, every decision.
-- Append-only: the triggers below refuse UPDATE, DELETE and TRUNCATE to every role, the back
-- office's own included, so no route, job or bug can rewrite it.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  -- Null for an attempt by a username no account has (the name is in details).
  staff_id uuid REFERENCES staff (id),
  action text NOT NULL,
  application_id uuid,
  reason text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_staff ON audit_log (staff_id, id);
CREATE INDEX audit_log_application ON audit_log (application_id, id) WHERE application_id IS NOT NULL;

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
