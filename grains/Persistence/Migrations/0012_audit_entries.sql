-- The audit trail: one row per audited operation (every mutation, every read of personal data), behind auditTrail(...)
-- and `silo verify-audit`. Rows hold identifiers only (issuer, subject, role, operation name, global ids or request
-- references, a keyed hash of the client address), never personal values, so the retention purge leaves them alone.
-- Each row carries the hash of the row before it (previous_hash) and its own (hash: SHA-256 over a canonical encoding
-- of the row and previous_hash, see AuditChain): a row changed or removed breaks the chain from there on.
-- Appends take pg_advisory_xact_lock(AuditTrailLock) so that the chain has a single tail.

CREATE TABLE audit_entries
(
  id uuid PRIMARY KEY,
  -- The place in the chain: 1, 2, 3... without gaps.
  sequence bigint NOT NULL UNIQUE CHECK (sequence > 0),
  at timestamptz NOT NULL,
  -- .NET ticks (UTC): the exact instant the hash covers (timestamptz keeps microseconds only).
  at_ticks bigint NOT NULL,
  issuer text NOT NULL,
  subject text NOT NULL,
  role text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('Mutation', 'Read')),
  operation text NOT NULL,
  -- JSON arrays of strings: the objects touched and their governorates (a supervisor's scope).
  object_ids jsonb NOT NULL CHECK (jsonb_typeof(object_ids) = 'array'),
  governorates jsonb NOT NULL CHECK (jsonb_typeof(governorates) = 'array'),
  client_address_hash text,
  outcome text NOT NULL,
  previous_hash text NOT NULL CHECK (length(previous_hash) = 64),
  hash text NOT NULL CHECK (length(hash) = 64)
);

-- Keyset pagination by sequence, ties (none) broken by id, as every keyset index is read.
CREATE INDEX audit_entries_by_sequence ON audit_entries (sequence, id);

-- The auditTrail filters, followed by the sort: one object's history, one caller's, one operation's, a governorate.
CREATE INDEX audit_entries_object_ids ON audit_entries USING gin (object_ids jsonb_path_ops);
CREATE INDEX audit_entries_governorates ON audit_entries USING gin (governorates jsonb_path_ops);
CREATE INDEX audit_entries_subject ON audit_entries (subject, sequence, id);
CREATE INDEX audit_entries_operation ON audit_entries (operation, sequence, id);
CREATE INDEX audit_entries_at ON audit_entries (at_ticks);

-- Append-only for everyone, the application included: UPDATE, DELETE and TRUNCATE are refused. Only someone who can
-- disable triggers (a superuser, the table's owner) gets past this, and the hash chain shows what they changed.
CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entries_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();

CREATE TRIGGER audit_entries_no_truncate
  BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();
