-- Établi schema, step 7: quotes (devis) and work orders (bons de travaux).
-- An accepted quote becomes a work order for a workshop; the production log
-- attaches to work orders; a done order is invoiced.

-- Cost of an hour of trainee work in the workshop (costing of orders).
ALTER TABLE school ADD COLUMN hourly_cost_cents {{INT64}} NOT NULL DEFAULT 1800 CHECK (hourly_cost_cents >= 0);

CREATE TABLE quote (
    id {{ID}},
    number TEXT NOT NULL UNIQUE,
    contact_id {{REF}} NOT NULL REFERENCES contact (id),
    section_id {{REF}} REFERENCES section (id),
    vehicle_id {{REF}} REFERENCES vehicle (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'refused')),
    quote_date TEXT NOT NULL CHECK (quote_date LIKE '____-__-__'),
    valid_until TEXT NOT NULL CHECK (valid_until LIKE '____-__-__'),
    reference TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    total_excl_cents {{INT64}} NOT NULL DEFAULT 0,
    total_vat_cents {{INT64}} NOT NULL DEFAULT 0,
    total_incl_cents {{INT64}} NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (valid_until >= quote_date)
);
CREATE INDEX quote_contact ON quote (contact_id);
CREATE INDEX quote_date ON quote (quote_date);

CREATE TABLE quote_line (
    id {{ID}},
    quote_id {{REF}} NOT NULL REFERENCES quote (id),
    position INTEGER NOT NULL,
    catalogue_item_id {{REF}} REFERENCES catalogue_item (id),
    label TEXT NOT NULL CHECK (length(trim(label)) > 0),
    quantity_thousandths {{INT64}} NOT NULL CHECK (quantity_thousandths > 0),
    unit TEXT NOT NULL CHECK (unit IN ('piece', 'hour', 'kg', 'metre', 'flat')),
    unit_price_cents {{INT64}} NOT NULL CHECK (unit_price_cents >= 0),
    vat_rate_bp INTEGER NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    total_excl_cents {{INT64}} NOT NULL
);
CREATE INDEX quote_line_quote ON quote_line (quote_id, position);

CREATE TABLE work_order (
    id {{ID}},
    number TEXT NOT NULL UNIQUE,
    quote_id {{REF}} REFERENCES quote (id),
    contact_id {{REF}} NOT NULL REFERENCES contact (id),
    section_id {{REF}} NOT NULL REFERENCES section (id),
    vehicle_id {{REF}} REFERENCES vehicle (id),
    description TEXT NOT NULL DEFAULT '',
    order_date TEXT NOT NULL CHECK (order_date LIKE '____-__-__'),
    due_date TEXT CHECK (due_date IS NULL OR due_date LIKE '____-__-__'),
    status TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done', 'delivered', 'cancelled')),
    invoice_id {{REF}} REFERENCES invoice (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX work_order_section ON work_order (section_id, status);
CREATE INDEX work_order_contact ON work_order (contact_id);
CREATE UNIQUE INDEX work_order_quote ON work_order (quote_id);

CREATE TABLE work_order_line (
    id {{ID}},
    order_id {{REF}} NOT NULL REFERENCES work_order (id),
    position INTEGER NOT NULL,
    catalogue_item_id {{REF}} REFERENCES catalogue_item (id),
    label TEXT NOT NULL CHECK (length(trim(label)) > 0),
    quantity_thousandths {{INT64}} NOT NULL CHECK (quantity_thousandths > 0),
    unit TEXT NOT NULL CHECK (unit IN ('piece', 'hour', 'kg', 'metre', 'flat')),
    unit_price_cents {{INT64}} NOT NULL CHECK (unit_price_cents >= 0),
    vat_rate_bp INTEGER NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    total_excl_cents {{INT64}} NOT NULL
);
CREATE INDEX work_order_line_order ON work_order_line (order_id, position);

-- The production log attaches to work orders.
ALTER TABLE production_entry ADD COLUMN order_id {{REF}} REFERENCES work_order (id);
CREATE INDEX production_entry_order ON production_entry (order_id);
