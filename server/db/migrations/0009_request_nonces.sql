-- Nonces of the requests terminals signed (server/auth/terminal-request.ts): each is accepted once
-- while its time is fresh; after expires_at the time alone refuses it, and the row goes.
CREATE TABLE request_nonces (
  terminal_id text NOT NULL,
  nonce text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (terminal_id, nonce)
);
