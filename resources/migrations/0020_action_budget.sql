-- Établi schema, step 20: the subsidy account reports on the funded action
-- (Cerfa 15059; ../docs/decisions.md, 35). A subsidy gets its action's
-- dates, place and number of beneficiaries, the rule allocating indirect
-- costs, where and when the account is signed, and the action's own budget:
-- forecast and actual per line, direct and indirect costs, resources, and the
-- voluntary contributions in kind on both sides (accounts 86 and 87).

ALTER TABLE subsidy ADD COLUMN action_start TEXT CHECK (action_start IS NULL OR action_start LIKE '____-__-__');
ALTER TABLE subsidy ADD COLUMN action_end TEXT CHECK (action_end IS NULL OR action_end LIKE '____-__-__');
ALTER TABLE subsidy ADD COLUMN action_place TEXT NOT NULL DEFAULT '';
ALTER TABLE subsidy ADD COLUMN beneficiaries INTEGER NOT NULL DEFAULT 0 CHECK (beneficiaries >= 0);
ALTER TABLE subsidy ADD COLUMN indirect_rule TEXT NOT NULL DEFAULT '';
ALTER TABLE subsidy ADD COLUMN signed_place TEXT NOT NULL DEFAULT '';
ALTER TABLE subsidy ADD COLUMN signed_on TEXT CHECK (signed_on IS NULL OR signed_on LIKE '____-__-__');

CREATE TABLE subsidy_budget_line (
    id {{ID}},
    subsidy_id {{REF}} NOT NULL REFERENCES subsidy (id),
    position INTEGER NOT NULL,
    part TEXT NOT NULL CHECK (part IN ('expense', 'indirect', 'contribution_use', 'resource',
                                       'contribution_resource')),
    account TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL CHECK (length(trim(label)) > 0),
    forecast_cents {{INT64}} NOT NULL DEFAULT 0 CHECK (forecast_cents >= 0),
    actual_cents {{INT64}} NOT NULL DEFAULT 0 CHECK (actual_cents >= 0),
    UNIQUE (subsidy_id, position)
);
