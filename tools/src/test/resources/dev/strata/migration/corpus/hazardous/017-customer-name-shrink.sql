-- expect: change-column-type, missing-lock-timeout
-- why: narrowing varchar(80) to varchar(40) is not a widening: every row is checked and the table rewritten under ACCESS EXCLUSIVE, with no lock_timeout.

-- The new CRM export only accepts 40 characters.
ALTER TABLE legacy.customer_master ALTER COLUMN cust_nm TYPE varchar(40);
