-- A supervisor's list (issue 15): the totalCount of requests(where: { statuses: [...], governorates: [...] }) is read
-- from request_counts (0013), whose key begins with the kind, so the sum scanned all its rows (40,000 at a million
-- requests, 18 ms, the larger part of the page once its rows are read by index walks, 0014). Only key columns are
-- indexed, so the summary's updates (of `requests` alone) stay HOT.
CREATE INDEX request_counts_by_governorate_status ON request_counts (governorate, status);
