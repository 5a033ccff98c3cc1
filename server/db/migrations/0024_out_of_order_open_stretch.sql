-- At most one open stretch out of order per terminal (server/repositories/terminal-heartbeats.ts):
-- the heartbeat's row lock already orders two processes' heartbeats of one terminal; this makes a
-- second open stretch impossible whatever a later change to that code does.
CREATE UNIQUE INDEX terminal_out_of_order_open ON terminal_out_of_order (terminal_id) WHERE ended_at IS NULL;
