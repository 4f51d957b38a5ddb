-- The exchange log: every exchange with an outside system (civil registry, Education, Justice, payment gateway,
-- notifications) made on a request's behalf, behind exchanges(where:, order:, first/after, last/before) and
-- CitizenRequest.exchanges. Fed from the outbox (ExchangeRecorded events of the request pathways); an exchange never
-- changes once made, so a row is inserted once (ON CONFLICT DO NOTHING) and replays change nothing.
-- Data items are the names of the fields asked, never their values.

CREATE TABLE exchange_log
(
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL,
  request_reference text NOT NULL,
  center_id text NOT NULL,
  governorate text NOT NULL,
  system text NOT NULL,
  purpose text NOT NULL,
  -- A JSON array of field names.
  data_items jsonb NOT NULL CHECK (jsonb_typeof(data_items) = 'array'),
  outcome text NOT NULL,
  -- What the outcome code leaves out: the field that differs, why a system was unavailable.
  detail text,
  latency_milliseconds bigint NOT NULL CHECK (latency_milliseconds >= 0),
  attempts integer NOT NULL CHECK (attempts >= 0),
  triggered_by text NOT NULL,
  -- timestamptz for people and SQL, .NET ticks (UTC) for exact keyset cursors (timestamptz keeps microseconds only).
  at timestamptz NOT NULL,
  at_ticks bigint NOT NULL,
  -- The version of the request's pathway that recorded the exchange.
  version bigint NOT NULL
);

-- Keyset pagination by time (both directions read the same index), ties broken by id.
CREATE INDEX exchange_log_by_at ON exchange_log (at_ticks, id);

-- The usual filters, followed by the sort: a request's own log, one system, a supervisor's governorate, an agent's center.
CREATE INDEX exchange_log_request ON exchange_log (request_id, at_ticks, id);
CREATE INDEX exchange_log_system ON exchange_log (system, at_ticks, id);
CREATE INDEX exchange_log_governorate ON exchange_log (governorate, at_ticks, id);
CREATE INDEX exchange_log_center ON exchange_log (center_id, at_ticks, id);
