-- The request index holds each request's document (the view its grain returns, as JSON: camelCase, enums as
-- strings), so that a page of requests is one read instead of one grain call per row. Personal data stays in our
-- PostgreSQL, as it already does in the grains' state. Rows written before this migration have no document (NULL)
-- until their request next changes; the API reads those few from their grains.
ALTER TABLE request_index ADD COLUMN document jsonb;
