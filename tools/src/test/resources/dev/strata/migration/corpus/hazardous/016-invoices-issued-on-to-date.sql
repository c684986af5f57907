-- expect: change-column-type, missing-lock-timeout
-- why: text to date rewrites billing.invoices under ACCESS EXCLUSIVE without lock_timeout (and the cast fails on the non-ISO values the legacy importer wrote).

-- issued_on finally becomes a real date.
ALTER TABLE billing.invoices
    ALTER COLUMN issued_on TYPE date USING issued_on::date;
