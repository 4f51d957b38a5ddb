-- Transactional outbox.
--
-- An event-emitting grain state carries "Outbox": the events of its latest transition. The trigger below copies
-- them from the state row into this table inside the statement that writes the state, so the new state and its
-- events commit together (one commit per transition) or not at all. A grain that crashes right after its write
-- has still recorded its events; nobody needs to touch it again for them to be delivered.
--
-- Relays read this table per consumer in commit-safe order and checkpoint in the consumer's own transaction.

CREATE TABLE outbox
(
  seq bigserial PRIMARY KEY,
  -- The writing transaction. bigserial values are drawn before commit, so a later seq can become visible
  -- before an earlier one; relays read (tx_id, seq) below the oldest running transaction instead, which
  -- never skips an event that commits late.
  tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  aggregate_type text NOT NULL,
  aggregate_id text NOT NULL,
  version bigint NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  -- A rewrite of the same state (a retried write, a write that does not start a new transition) copies the
  -- same events again: the key makes that a no-op. Type is part of it because one transition may emit
  -- events of several types with the same aggregate version.
  CONSTRAINT outbox_event_once UNIQUE (aggregate_type, aggregate_id, version, type)
);

CREATE INDEX outbox_commit_order ON outbox (tx_id, seq);

-- One row per consumer: how far it has applied. Updated in the same transaction as the consumer's effects,
-- which makes those effects exactly-once. The row lock also keeps one relay per consumer at a time.
CREATE TABLE outbox_checkpoint
(
  consumer text PRIMARY KEY,
  last_tx xid8 NOT NULL DEFAULT '0',
  last_seq bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- State is System.Text.Json with Orleans' defaults: property names as declared (PascalCase), so the list is
-- "Outbox" and each event has AggregateType, AggregateId, Version, Type, Payload (a JSON string), OccurredAt.
-- The test "OutboxLandsWithTheState" pins this shape.
CREATE FUNCTION outbox_capture() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  events jsonb;
BEGIN
  -- Most states (pub-sub, directories) carry no outbox, or an empty one: a byte search is much cheaper than
  -- parsing JSON. ("Outbox":[] is how the unindented serializer writes an empty list; anything else is parsed.)
  IF position('"Outbox"'::bytea IN NEW.payload) = 0 OR position('"Outbox":[]'::bytea IN NEW.payload) > 0 THEN
    RETURN NULL;
  END IF;

  events := convert_from(NEW.payload, 'UTF8')::jsonb -> 'Outbox';
  IF events IS NULL OR jsonb_typeof(events) <> 'array' THEN
    RETURN NULL;
  END IF;

  INSERT INTO outbox (aggregate_type, aggregate_id, version, type, payload, occurred_at)
  SELECT e ->> 'AggregateType', e ->> 'AggregateId', (e ->> 'Version')::bigint, e ->> 'Type',
         (e ->> 'Payload')::jsonb, (e ->> 'OccurredAt')::timestamptz
  FROM jsonb_array_elements(events) AS e
  ON CONFLICT ON CONSTRAINT outbox_event_once DO NOTHING;

  RETURN NULL;
END
$fn$;

CREATE TRIGGER orleans_storage_outbox
AFTER INSERT OR UPDATE OF payload ON orleans_storage
FOR EACH ROW
WHEN (NEW.payload IS NOT NULL)
EXECUTE FUNCTION outbox_capture();
