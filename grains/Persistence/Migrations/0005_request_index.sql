-- The request index: the read model behind requests(where:, order:, first/after, last/before).
-- Fed from the outbox (CitizenRequestChanged snapshots); the highest version wins, so replays change nothing.

CREATE TABLE request_index
(
  id uuid PRIMARY KEY,
  -- "C" collation: orders by code point, as the cursors' ordinal sort keys do.
  reference text COLLATE "C" NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  center_id text NOT NULL,
  governorate text NOT NULL,
  owner_subject text NOT NULL,
  -- Timestamps twice: timestamptz for people and SQL, .NET ticks (100 ns, UTC) for exact filters, sorting and
  -- keyset cursors, since timestamptz keeps only microseconds.
  submitted_at timestamptz NOT NULL,
  submitted_ticks bigint NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_ticks bigint NOT NULL,
  version bigint NOT NULL,
  is_pupil boolean NOT NULL
);

-- Keyset pagination: one index per sort, ties broken by id.
CREATE INDEX request_index_by_submitted ON request_index (submitted_ticks, id);
CREATE INDEX request_index_by_updated ON request_index (updated_ticks, id);
CREATE INDEX request_index_by_reference ON request_index (reference, id);

-- The filters people use to narrow a list, each followed by the default sort (newest submissions first).
CREATE INDEX request_index_status ON request_index (status, submitted_ticks, id);
CREATE INDEX request_index_center ON request_index (center_id, submitted_ticks, id);
CREATE INDEX request_index_governorate ON request_index (governorate, submitted_ticks, id);
CREATE INDEX request_index_owner ON request_index (owner_subject, submitted_ticks, id);
CREATE INDEX request_index_kind ON request_index (kind, submitted_ticks, id);
