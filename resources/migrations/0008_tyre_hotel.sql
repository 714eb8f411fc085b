-- Établi schema, step 8: the tyre hotel (hôtel de pneus). Customers leave a
-- set of tyres (with or without rims) for the season; the school stores it
-- at a place (rack, row, level) and gives it back at the change of season.

CREATE TABLE tyre_set (
    id {{ID}},
    vehicle_id {{REF}} NOT NULL REFERENCES vehicle (id),
    contact_id {{REF}} NOT NULL REFERENCES contact (id),
    season TEXT NOT NULL CHECK (season IN ('summer', 'winter', 'all_season')),
    tyre_size TEXT NOT NULL CHECK (length(trim(tyre_size)) > 0),
    brand TEXT NOT NULL DEFAULT '',
    tyre_count INTEGER NOT NULL CHECK (tyre_count BETWEEN 1 AND 8),
    with_rims INTEGER NOT NULL DEFAULT 0 CHECK (with_rims IN (0, 1)),
    rack TEXT NOT NULL CHECK (length(trim(rack)) > 0),
    row_no INTEGER NOT NULL CHECK (row_no BETWEEN 1 AND 999),
    level_no INTEGER NOT NULL CHECK (level_no BETWEEN 1 AND 99),
    date_in TEXT NOT NULL CHECK (date_in LIKE '____-__-__'),
    date_out TEXT CHECK (date_out IS NULL OR (date_out LIKE '____-__-__' AND date_out >= date_in)),
    fee_item_id {{REF}} REFERENCES catalogue_item (id),
    invoice_id {{REF}} REFERENCES invoice (id),
    notes TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- One set per place while it is stored.
CREATE UNIQUE INDEX tyre_set_place ON tyre_set (rack, row_no, level_no) WHERE date_out IS NULL;
CREATE INDEX tyre_set_vehicle ON tyre_set (vehicle_id);
CREATE INDEX tyre_set_season ON tyre_set (season, date_out);

-- The tread depth of each tyre when it came in, in tenths of a millimetre.
CREATE TABLE tyre_set_tyre (
    id {{ID}},
    set_id {{REF}} NOT NULL REFERENCES tyre_set (id),
    position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 8),
    tread_tenths INTEGER NOT NULL CHECK (tread_tenths BETWEEN 0 AND 200),
    UNIQUE (set_id, position)
);
