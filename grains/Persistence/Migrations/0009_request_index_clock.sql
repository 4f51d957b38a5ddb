-- The service-level clock of each request in the request index: the current status's due date, since when the request
-- is overdue and when it was escalated (.NET ticks, UTC, NULL when unset), and stuck_rank, the order of
-- stuckRequests (escalated first, then oldest overdue; requests not overdue last). Rows written before this migration
-- read as "not overdue" until their request next changes.
ALTER TABLE request_index
  ADD COLUMN due_ticks bigint,
  ADD COLUMN overdue_since_ticks bigint,
  ADD COLUMN escalated_ticks bigint,
  ADD COLUMN stuck_rank bigint NOT NULL DEFAULT 9223372036854775807;

-- stuckRequests and requests(where: { overdue: true }): the few overdue rows of a center or a governorate, in stuck order.
CREATE INDEX request_index_stuck_center ON request_index (center_id, stuck_rank, id) WHERE overdue_since_ticks IS NOT NULL;
CREATE INDEX request_index_stuck_governorate ON request_index (governorate, stuck_rank, id) WHERE overdue_since_ticks IS NOT NULL;
