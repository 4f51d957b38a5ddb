-- Orleans grain state on PostgreSQL (Orleans.Persistence.AdoNet keys and parameters).
--
-- The provider hands us the serialized state as @PayloadBinary. With UseSystemTextJsonGrainStorageSerializer()
-- that is UTF-8 JSON, kept here byte for byte: jsonb would reorder keys and could break metadata-first
-- deserialization. Read it with convert_from(payload, 'UTF8')::jsonb when debugging.
--
-- ETag = version. A write carries the version it read (@GrainStateVersion, NULL for a grain never stored):
-- the row changes only if that is still the stored version. Otherwise the query returns NULL and the provider
-- raises InconsistentStateException: a stale writer never overwrites silently. Every query returns exactly one
-- row, because "no row" would let the provider believe the write succeeded.

CREATE TABLE orleans_storage
(
  service_id text NOT NULL,
  -- The state name ([PersistentState(name, ...)]): one per grain type, so types never share rows.
  grain_type text NOT NULL,
  -- The grain key as the provider splits it: a Guid in two halves, an integer in n1, or a string in extension.
  grain_id_n0 bigint NOT NULL,
  grain_id_n1 bigint NOT NULL,
  -- '' rather than NULL, so that the primary key (and ON CONFLICT) can cover it.
  grain_id_extension text NOT NULL DEFAULT '',
  payload bytea,
  version integer NOT NULL,
  modified_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- One statement: either the guarded UPDATE (known version) or the INSERT ... ON CONFLICT DO NOTHING
-- (first write) takes effect, never both. Concurrent first writes of one grain cannot deadlock: the loser
-- waits for the winner's row, then inserts nothing and gets NULL.
('WriteToStorageKey', $q$
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
)
SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted) AS "NewGrainStateVersion"
$q$),

('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_storage
WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = coalesce(@GrainIdExtensionString, '')
$q$),

-- Clearing keeps the row (and its version) so that a stale writer still conflicts afterwards.
('ClearStorageKey', $q$
WITH cleared AS (
  UPDATE orleans_storage
  SET payload = NULL, version = version + 1, modified_at = now()
  WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
    AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
    AND grain_id_extension = coalesce(@GrainIdExtensionString, '')
    AND version = @GrainStateVersion
  RETURNING version
)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion"
$q$),

-- Used only with DeleteStateOnClear = true (we keep the default, false).
('DeleteStorageKey', $q$
WITH deleted AS (
  DELETE FROM orleans_storage
  WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
    AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
    AND grain_id_extension = coalesce(@GrainIdExtensionString, '')
    AND version = @GrainStateVersion
  RETURNING version + 1 AS version
)
SELECT (SELECT version FROM deleted) AS "NewGrainStateVersion"
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
