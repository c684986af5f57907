-- expect: wide-table, missing-lock-timeout
-- needs: catalog
-- why: legacy.customer_master already has 68 columns (past the 60 threshold); adding one more grows the god table instead of a side table; no lock_timeout.

ALTER TABLE legacy.customer_master ADD COLUMN loyalty_tier text;
