-- The allocation index: the read model behind fund(year:).allocations(where:, order:, first/after, last/before).
-- Fed from the outbox (AllocationChanged snapshots of the fund grains); the highest version wins, so replays and
-- duplicates change nothing. The fund grain stays the truth for money: this table only lists and counts.

CREATE TABLE allocation_index
(
  id uuid PRIMARY KEY,
  year integer NOT NULL,
  programme text NOT NULL,
  -- "C" collation: orders by code point, as the cursors' ordinal sort keys do.
  municipality_code text COLLATE "C" NOT NULL,
  governorate text NOT NULL,
  status text NOT NULL,
  -- Integer millimes, never floating point.
  amount_millimes bigint NOT NULL CHECK (amount_millimes > 0),
  disbursed_millimes bigint NOT NULL CHECK (disbursed_millimes BETWEEN 0 AND amount_millimes),
  -- timestamptz for people and SQL, .NET ticks (UTC) for exact keyset cursors (timestamptz keeps microseconds only).
  proposed_at timestamptz NOT NULL,
  proposed_ticks bigint NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_ticks bigint NOT NULL,
  version bigint NOT NULL
);

-- Keyset pagination within a year: one index per sort, ties broken by id.
CREATE INDEX allocation_index_by_proposed ON allocation_index (year, proposed_ticks, id);
CREATE INDEX allocation_index_by_updated ON allocation_index (year, updated_ticks, id);
CREATE INDEX allocation_index_by_amount ON allocation_index (year, amount_millimes, id);
CREATE INDEX allocation_index_by_municipality ON allocation_index (year, municipality_code, id);

-- The usual filters, followed by the default sort (newest proposals first).
CREATE INDEX allocation_index_programme ON allocation_index (year, programme, proposed_ticks, id);
CREATE INDEX allocation_index_governorate ON allocation_index (year, governorate, proposed_ticks, id);
CREATE INDEX allocation_index_status ON allocation_index (year, status, proposed_ticks, id);
