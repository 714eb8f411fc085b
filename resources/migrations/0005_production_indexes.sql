-- Établi schema, step 5: indexes the production figures need, measured on
-- the federation demo (docs/performance.md).

-- Materials of a workshop's entries over a period.

CREATE INDEX production_material_entry ON production_material (entry_id);

-- Figures of all workshops over a period: by day without a section.
CREATE INDEX production_entry_by_day ON production_entry (day);
