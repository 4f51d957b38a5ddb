-- A supervisor's list (issue 15): requests(where: { statuses: [...], governorates: [...] }) newest first. With a list
-- of statuses PostgreSQL cannot read one index in submission order, so it walked request_index_by_submitted backward
-- and filtered, 0.78 s at a million requests when the newest requests were in other statuses. The page is now read
-- one walk per governorate and status (RequestIndexTable.WalksFor), each a scan of this index that stops after a page.
CREATE INDEX request_index_governorate_status ON request_index (governorate, status, submitted_ticks, id);
