-- Audit stamps (AuditStamp in the contracts) that the relay found without their entry in audit_entries: a mutation's
-- audit record committed beside its state as an outbox row, whose API had not yet sent (or never sent) the entry itself.
-- Usually the API's entry arrives within milliseconds and the row is removed at the next pass; a stamp still without its
-- entry after AuditStamps:CompleteAfter is appended from the stamp (AuditStampReconciler). Identifiers only, as in
-- audit_entries: no personal values.

CREATE TABLE audit_stamps_pending
(
  entry_id uuid PRIMARY KEY,
  -- The AuditStamped payload: the record as the API knew it when the mutation started, and the aggregate written.
  stamp jsonb NOT NULL,
  -- When the relay found it without its entry (the database's clock).
  stamped_at timestamptz NOT NULL
);

CREATE INDEX audit_stamps_pending_by_time ON audit_stamps_pending (stamped_at);
