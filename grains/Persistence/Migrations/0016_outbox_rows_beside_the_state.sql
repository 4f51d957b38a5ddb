-- The outbox rows of a transition written by the grain storage beside the state, in the same statement (issue 15).
--
-- Until now a domain state was stored with the events of its latest step inside it and the trigger of 0004 copied them
-- out: each step's row carried every event's payload (for a request, a snapshot of the whole request) as an escaped
-- string, and PostgreSQL parsed the whole state to find them. PostgresGrainStorage (GrainStorage:GroupCommit) now
-- writes the state with an empty "Outbox" and passes the events as arrays to the statement below, which inserts them
-- only when the state's write took effect (a stale version writes neither). Orleans' ADO.NET provider still writes
-- the events inside the state, and the trigger still copies them: either release, and either provider, can write any
-- grain during a rolling change, and each event lands once (outbox_event_once).

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageWithEventsKey', $q$
WITH updated AS (
  UPDATE orleans_storage
  SET payload = @PayloadBinary, version = version + 1, modified_at = now()
  WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
    AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
    AND grain_id_extension = coalesce(@GrainIdExtensionString, '')
    AND version = @GrainStateVersion
  RETURNING version
), inserted AS (
  INSERT INTO orleans_storage (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
  SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''), @PayloadBinary, 1
  WHERE @GrainStateVersion IS NULL
  ON CONFLICT (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension) DO NOTHING
  RETURNING version
), written AS (
  SELECT version FROM updated UNION ALL SELECT version FROM inserted
), events AS (
  INSERT INTO outbox (aggregate_type, aggregate_id, version, type, payload, occurred_at)
  SELECT e.aggregate_type, e.aggregate_id, e.version, e.type, e.payload::jsonb, e.occurred_at
  FROM unnest(@EventAggregateTypes::text[], @EventAggregateIds::text[], @EventVersions::bigint[], @EventTypes::text[],
              @EventPayloads::text[], @EventOccurredAt::timestamptz[])
    AS e (aggregate_type, aggregate_id, version, type, payload, occurred_at)
  WHERE EXISTS (SELECT FROM written)
  ON CONFLICT ON CONSTRAINT outbox_event_once DO NOTHING
)
SELECT (SELECT version FROM written) AS "NewGrainStateVersion"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- A state written with an empty outbox (every write of PostgresGrainStorage now, most of the ADO.NET provider's:
-- directories, a step without events) no longer calls the trigger's function at all; the same test it made first.
-- Swapping the trigger locks orleans_storage for that moment (writes wait for it; no row is read or rewritten).
DROP TRIGGER orleans_storage_outbox ON orleans_storage;
CREATE TRIGGER orleans_storage_outbox
AFTER INSERT OR UPDATE OF payload ON orleans_storage
FOR EACH ROW
WHEN (NEW.payload IS NOT NULL AND position('"Outbox":[]'::bytea IN NEW.payload) = 0)
EXECUTE FUNCTION outbox_capture();
