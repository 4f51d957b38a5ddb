-- progress over a million requests (issue 15): counting request_index row by row took 0.7–1 s per question on the
-- benchmark machine, growing with the table. request_counts keeps how many requests there are per combination of
-- what progress groups and filters by (kind, status, governorate, center, pupil or not, school, submission day in
-- Africa/Tunis), so that a question reads thousands of small rows instead of every request. It is kept by
-- request_index's own statement triggers, in the transaction of each write (the outbox consumer's batch, a bulk COPY,
-- a purge): one aggregated upsert per statement, never out of step with the index. A combination's row stays at 0
-- when its last request moves on; readers skip those (HAVING sum > 0).
CREATE TABLE request_counts
(
  kind text NOT NULL,
  status text NOT NULL,
  governorate text NOT NULL,
  center_id text NOT NULL,
  is_pupil boolean NOT NULL,
  -- '' for requests that are not a pupil's: a key column cannot be NULL (readers turn it back into NULL).
  school_code text NOT NULL,
  submitted_day date NOT NULL,
  requests bigint NOT NULL,
  PRIMARY KEY (kind, status, governorate, center_id, is_pupil, school_code, submitted_day)
);

-- Rows are upserted in key order, so two writers touching the same combinations lock them in the same order. Each
-- event has its own trigger (a trigger with transition tables has one event) and its own branch: a statement can only
-- name the transition tables its event has.
CREATE FUNCTION request_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO request_counts AS c (kind, status, governorate, center_id, is_pupil, school_code, submitted_day, requests)
    SELECT kind, status, governorate, center_id, is_pupil, coalesce(school_code, ''), (submitted_at AT TIME ZONE 'Africa/Tunis')::date, count(*)
    FROM new_rows
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (kind, status, governorate, center_id, is_pupil, school_code, submitted_day)
    DO UPDATE SET requests = c.requests + excluded.requests;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Most updates keep every counted column (a step that keeps the status, a new due date): they net to nothing.
    INSERT INTO request_counts AS c (kind, status, governorate, center_id, is_pupil, school_code, submitted_day, requests)
    SELECT kind, status, governorate, center_id, is_pupil, school_code, submitted_day, sum(delta)
    FROM (
      SELECT kind, status, governorate, center_id, is_pupil, coalesce(school_code, '') AS school_code,
             (submitted_at AT TIME ZONE 'Africa/Tunis')::date AS submitted_day, 1 AS delta
      FROM new_rows
      UNION ALL
      SELECT kind, status, governorate, center_id, is_pupil, coalesce(school_code, ''), (submitted_at AT TIME ZONE 'Africa/Tunis')::date, -1
      FROM old_rows
    ) AS changed
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(delta) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (kind, status, governorate, center_id, is_pupil, school_code, submitted_day)
    DO UPDATE SET requests = c.requests + excluded.requests;
  ELSE
    INSERT INTO request_counts AS c (kind, status, governorate, center_id, is_pupil, school_code, submitted_day, requests)
    SELECT kind, status, governorate, center_id, is_pupil, coalesce(school_code, ''), (submitted_at AT TIME ZONE 'Africa/Tunis')::date, -count(*)
    FROM old_rows
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (kind, status, governorate, center_id, is_pupil, school_code, submitted_day)
    DO UPDATE SET requests = c.requests + excluded.requests;
  END IF;
  RETURN NULL;
END $$;

-- The rows already there are counted under a lock that keeps writers out until the triggers are in place.
LOCK TABLE request_index IN SHARE ROW EXCLUSIVE MODE;

CREATE TRIGGER request_counts_on_insert AFTER INSERT ON request_index
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION request_counts_follow();
CREATE TRIGGER request_counts_on_update AFTER UPDATE ON request_index
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION request_counts_follow();
CREATE TRIGGER request_counts_on_delete AFTER DELETE ON request_index
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION request_counts_follow();

INSERT INTO request_counts (kind, status, governorate, center_id, is_pupil, school_code, submitted_day, requests)
SELECT kind, status, governorate, center_id, is_pupil, coalesce(school_code, ''), (submitted_at AT TIME ZONE 'Africa/Tunis')::date, count(*)
FROM request_index
GROUP BY 1, 2, 3, 4, 5, 6, 7;
