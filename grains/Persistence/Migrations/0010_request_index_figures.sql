-- What analysts filter, group and measure by (progress): a pupil's school code, the whole seconds from submission to
-- DELIVERED or ISSUED, and the stays in each status the request has left ([{"stay_status": "...", "stay_seconds": n}],
-- computed from the request's history when the row is written, see StatusStays). Rows written before this migration
-- have no school and no durations until their request next changes.
ALTER TABLE request_index
  ADD COLUMN school_code text,
  ADD COLUMN completion_seconds bigint,
  ADD COLUMN status_stays jsonb NOT NULL DEFAULT '[]';

-- progress(where: { schoolCode }) and the campaign's bySchool counts: the few pupils of one school.
CREATE INDEX request_index_school ON request_index (school_code) WHERE school_code IS NOT NULL;
