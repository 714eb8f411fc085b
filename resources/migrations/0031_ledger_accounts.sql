-- Établi schema, step 31: the chart of accounts of the accountant's file
-- (issue 22, item 4). The FEC (art. A47 A-1 of the Livre des procédures
-- fiscales) books each issued document, payment, deposit, gift, subsidy,
-- due and entry on accounts of the associations' chart (ANC 2018-06). The
-- account each kind of movement goes to is a setting with these defaults,
-- so that the school's accountant can adapt it; a budget category's entries
-- go to the category's own account.

-- @all
CREATE TABLE ledger_account (
    code TEXT PRIMARY KEY,
    number TEXT NOT NULL CHECK (length(number) BETWEEN 2 AND 20),
    label TEXT NOT NULL CHECK (length(label) > 0),
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT ''
);
INSERT INTO ledger_account (code, number, label) VALUES
    ('customers', '411', 'Clients'),
    ('sales_goods', '707', 'Ventes de marchandises'),
    ('sales_services', '706', 'Prestations de services'),
    ('vat_collected', '44571', 'TVA collectée'),
    ('bank', '512', 'Banque'),
    ('cash', '530', 'Caisse'),
    ('cheques_to_deposit', '5112', 'Chèques à encaisser'),
    ('gifts_persons', '7541', 'Dons manuels'),
    ('gifts_organisations', '7542', 'Mécénat'),
    ('gift_securities', '503', 'Valeurs mobilières de placement'),
    ('waived_expenses', '625', 'Déplacements, missions et réceptions (frais abandonnés)'),
    ('subsidies', '74', 'Subventions d''exploitation'),
    ('subsidies_receivable', '441', 'État et autres collectivités, subventions à recevoir'),
    ('apprenticeship_tax', '7481', 'Taxe d''apprentissage'),
    ('dues', '756', 'Cotisations');

ALTER TABLE budget_category ADD COLUMN account TEXT NOT NULL DEFAULT '';
UPDATE budget_category SET account = '758' WHERE code = 'other_income';
UPDATE budget_category SET account = '60' WHERE code = 'purchases';
UPDATE budget_category SET account = '61' WHERE code = 'external_services';
UPDATE budget_category SET account = '63' WHERE code = 'taxes';
UPDATE budget_category SET account = '64' WHERE code = 'staff';
UPDATE budget_category SET account = '68' WHERE code = 'depreciation';
UPDATE budget_category SET account = '65' WHERE code = 'other_expenses';
