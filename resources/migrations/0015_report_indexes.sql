-- Établi schema, step 15: indexes the indicators need at federation scale
-- (docs/performance.md): work orders taken in a period (a full scan of a
-- million orders took 1.7 s), and the issued invoices of a period with the
-- columns the indicators sum, so that they are read from the index alone.
CREATE INDEX work_order_date ON work_order (order_date, status, section_id);
CREATE INDEX invoice_issued_totals ON invoice (status, issue_date, contact_id, total_excl_cents);
-- The trainees' hours in the production log by kind, read from two
-- covering indexes (89 → 42 ms for a school year of the federation).
CREATE INDEX production_entry_day_kind ON production_entry (day, section_id, kind);
CREATE INDEX production_trainee_minutes ON production_trainee (entry_id, minutes);
