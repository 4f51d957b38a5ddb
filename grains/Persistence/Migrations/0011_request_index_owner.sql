-- Ownership as the pair (issuer, subject) and the citizen's national ID number (issue 13): a citizen lists the
-- requests they submitted with a token of the same issuer, and those made for them at a desk (walk-ins) by their card
-- number. Rows written before this migration have the empty issuer, which stands for the development issuer of older
-- releases (RequestAccess.LegacyIssuer), and no number until their request next changes.
ALTER TABLE request_index
  ADD COLUMN owner_issuer text NOT NULL DEFAULT '',
  ADD COLUMN owner_national_id text;

-- requests as a citizen: their walk-ins, found by card number.
CREATE INDEX request_index_owner_national_id ON request_index (owner_national_id, submitted_ticks, id) WHERE owner_national_id IS NOT NULL;
