-- expect: add-unique-constraint, existing-rows-violate, missing-lock-timeout
-- needs: catalog
-- why: accounts.name has 1,892 distinct values in 2,000 rows (e.g. 10 rows each of 'Acme Corp'), so the UNIQUE constraint fails after building under ACCESS EXCLUSIVE.

-- One account per company name.
ALTER TABLE public.accounts ADD CONSTRAINT accounts_name_key UNIQUE (name);
