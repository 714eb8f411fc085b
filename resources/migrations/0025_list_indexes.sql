-- Établi schema, step 25: the lists read a page at a time by keyset (issue
-- 19, item 3). Each list's order, with the filters the list offers before it,
-- is an index: the next page starts after the last row shown and reads only
-- the rows it shows.

-- Invoices: newest first by issue date, drafts by their creation day; all,
-- by status, or one customer's.
DROP INDEX invoice_contact;
CREATE INDEX invoice_list ON invoice ((COALESCE(issue_date, substr(created_at, 1, 10))), id);
CREATE INDEX invoice_list_status ON invoice (status, (COALESCE(issue_date, substr(created_at, 1, 10))), id);
CREATE INDEX invoice_list_contact ON invoice (contact_id, (COALESCE(issue_date, substr(created_at, 1, 10))), id);

-- Contacts: by folded name; the roles other than customer are few among
-- many, each has its own.
CREATE INDEX contact_list ON contact (name_key, id);
CREATE INDEX contact_list_host ON contact (name_key, id) WHERE is_host = 1;
CREATE INDEX contact_list_donor ON contact (name_key, id) WHERE is_donor = 1;
CREATE INDEX contact_list_funder ON contact (name_key, id) WHERE is_funder = 1;
CREATE INDEX contact_list_supplier ON contact (name_key, id) WHERE is_supplier = 1;

-- Work orders: newest first; all, one workshop, one status, the open ones
-- (to do, in progress: a partial index each), one customer's.
DROP INDEX work_order_section;
DROP INDEX work_order_contact;
CREATE INDEX work_order_list ON work_order (order_date, id);
CREATE INDEX work_order_list_section ON work_order (section_id, order_date, id);
CREATE INDEX work_order_list_status ON work_order (status, order_date, id);
CREATE INDEX work_order_list_section_status ON work_order (section_id, status, order_date, id);
CREATE INDEX work_order_list_open ON work_order (order_date, id) WHERE status IN ('todo', 'in_progress');
CREATE INDEX work_order_list_section_open ON work_order (section_id, order_date, id)
    WHERE status IN ('todo', 'in_progress');
CREATE INDEX work_order_list_contact ON work_order (contact_id, order_date, id);

-- Quotes: the same, "open" being drafts and sent ones.
DROP INDEX quote_contact;
DROP INDEX quote_date;
CREATE INDEX quote_list ON quote (quote_date, id);
CREATE INDEX quote_list_section ON quote (section_id, quote_date, id);
CREATE INDEX quote_list_status ON quote (status, quote_date, id);
CREATE INDEX quote_list_section_status ON quote (section_id, status, quote_date, id);
CREATE INDEX quote_list_open ON quote (quote_date, id) WHERE status IN ('draft', 'sent');
CREATE INDEX quote_list_section_open ON quote (section_id, quote_date, id) WHERE status IN ('draft', 'sent');
CREATE INDEX quote_list_contact ON quote (contact_id, quote_date, id);

-- Gifts: newest first; all, those without a tax receipt, one donor's.
DROP INDEX donation_contact;
DROP INDEX donation_day;
CREATE INDEX donation_list ON donation (day, id);
CREATE INDEX donation_list_unreceipted ON donation (day, id) WHERE receipt_id IS NULL;
CREATE INDEX donation_list_contact ON donation (contact_id, day, id);

-- Budget entries: newest first, all or one category's (an entry's
-- correction is found through the UNIQUE index of corrects_entry_id).
DROP INDEX budget_entry_day;
DROP INDEX budget_entry_category;
CREATE INDEX budget_entry_list ON budget_entry (day, id);
CREATE INDEX budget_entry_list_category ON budget_entry (category_id, day, id);

-- The production log: newest first, all workshops or one (a trainer's).
DROP INDEX production_entry_by_day;
DROP INDEX production_entry_day;
CREATE INDEX production_entry_list ON production_entry (day, id);
CREATE INDEX production_entry_list_section ON production_entry (section_id, day, id);

-- The tyre hotel: the sets in storage by place (the unique index of the
-- places held, tyre_set_place, with the id), the others newest first.
CREATE INDEX tyre_set_list_place ON tyre_set (rack, row_no, level_no, id) WHERE date_out IS NULL;
CREATE INDEX tyre_set_list ON tyre_set (date_in, id);

-- The log of changes: newest first by id; a person's, an element's (all of
-- a kind, or one record's).
CREATE INDEX audit_log_list_user ON audit_log (user_login, id);
CREATE INDEX audit_log_list_entity ON audit_log (entity, id);
CREATE INDEX audit_log_list_record ON audit_log (entity, entity_id, id);

-- Trainees: by name (and the id that breaks ties).
DROP INDEX trainee_sort_key;
CREATE INDEX trainee_sort ON trainee (sort_key, id);
