-- The sandbox SMS gateway keeps one message per client message id, as a provider that takes one
-- does (docs/jobs.md, "Never twice"): a citizen's SMS sent again after a process died between the
-- gateway's answer and `sent_at` is the same message, not a second one. One-time codes carry no id.
ALTER TABLE sandbox_sms ADD COLUMN client_id text UNIQUE;
