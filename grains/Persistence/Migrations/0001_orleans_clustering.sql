-- Orleans clustering (membership) on PostgreSQL: our schema, our query text.
--
-- The ADO.NET providers ship no SQL: at start-up they run "SELECT QueryKey, QueryText FROM OrleansQuery"
-- and execute the text stored under each key with named parameters (@DeploymentId, @Version, ...).
-- Only OrleansQuery and its two columns are names Orleans fixes; every other name here is ours.
-- Result columns are aliased to the exact names the provider reads ("Version", "Address", ...).
-- Every write is one statement, so no multi-statement transaction can deadlock or half-apply.

CREATE TABLE OrleansQuery
(
  QueryKey text PRIMARY KEY,
  QueryText text NOT NULL
);

-- One row per cluster: its version is the ETag of the whole membership table.
-- Every membership change bumps it in the same statement, or does nothing.
CREATE TABLE orleans_membership_version
(
  cluster_id text PRIMARY KEY,
  version integer NOT NULL DEFAULT 0,
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port, generation).
CREATE TABLE orleans_membership
(
  cluster_id text NOT NULL,
  address text NOT NULL,
  port integer NOT NULL,
  generation integer NOT NULL,
  silo_name text NOT NULL,
  host_name text NOT NULL,
  status integer NOT NULL,
  proxy_port integer NOT NULL DEFAULT 0,
  suspect_times text,
  start_time timestamptz NOT NULL,
  i_am_alive_time timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Returns true when this call created the cluster's version row.
('InsertMembershipVersionKey', $q$
WITH inserted AS (
  INSERT INTO orleans_membership_version (cluster_id) VALUES (@DeploymentId)
  ON CONFLICT (cluster_id) DO NOTHING
  RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted)
$q$),

-- Inserts a silo row only if the table version is still @Version, and bumps it: both or neither.
-- The FOR UPDATE lock on the version row serialises concurrent joiners; a joiner that lost the race
-- re-reads the row after the winner commits, sees another version and inserts nothing.
('InsertMembershipKey', $q$
WITH expected AS (
  SELECT cluster_id FROM orleans_membership_version
  WHERE cluster_id = @DeploymentId AND version = @Version
  FOR UPDATE
), inserted AS (
  INSERT INTO orleans_membership
    (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
  SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
  FROM expected
  ON CONFLICT (cluster_id, address, port, generation) DO NOTHING
  RETURNING cluster_id
), bumped AS (
  UPDATE orleans_membership_version v
  SET version = v.version + 1, changed_at = now()
  FROM inserted
  WHERE v.cluster_id = inserted.cluster_id
  RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM bumped)
$q$),

-- Same guard as the insert: the row changes and the version moves together, or nothing happens.
('UpdateMembershipKey', $q$
WITH expected AS (
  SELECT cluster_id FROM orleans_membership_version
  WHERE cluster_id = @DeploymentId AND version = @Version
  FOR UPDATE
), updated AS (
  UPDATE orleans_membership m
  SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
  FROM expected
  WHERE m.cluster_id = expected.cluster_id
    AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
  RETURNING m.cluster_id
), bumped AS (
  UPDATE orleans_membership_version v
  SET version = v.version + 1, changed_at = now()
  FROM updated
  WHERE v.cluster_id = updated.cluster_id
  RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM bumped)
$q$),

-- Heartbeats do not move the table version: Orleans treats them as liveness hints, not membership changes.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- The version row comes back even when the silo has no row (LEFT JOIN): the provider needs the table ETag.
('MembershipReadRowKey', $q$
SELECT
  v.version AS "Version",
  m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
  m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
  m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
  ON m.cluster_id = v.cluster_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.cluster_id = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
SELECT
  v.version AS "Version",
  m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
  m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
  m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.cluster_id = v.cluster_id
WHERE v.cluster_id = @DeploymentId
$q$),

-- Clients (the API in cluster mode) find gateways here: active silos with a proxy port.
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

('DeleteMembershipTableEntriesKey', $q$
WITH silos AS (
  DELETE FROM orleans_membership WHERE cluster_id = @DeploymentId
)
DELETE FROM orleans_membership_version WHERE cluster_id = @DeploymentId
$q$),

-- Only Dead (6) rows are removed: a Joining or ShuttingDown row may still belong to a live process.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE cluster_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime
$q$),

-- Newer providers remove one Dead row only if it is still exactly the row they read.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
WHERE cluster_id = @DeploymentId AND status = 6
  AND address = @Address AND port = @Port AND generation = @Generation
  AND i_am_alive_time = @IAmAliveTime AND start_time = @StartTime
  AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
