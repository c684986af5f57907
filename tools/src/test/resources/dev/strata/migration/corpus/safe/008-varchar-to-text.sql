-- expect: none
-- absent: change-column-type
-- needs: catalog
-- why: varchar(n) to text is binary compatible: no rewrite and no scan, only a brief ACCESS EXCLUSIVE bounded by lock_timeout. Needs the catalog: the current type decides (without it a change to varchar/text is only an info "cannot tell").

BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE legacy.customer_master ALTER COLUMN email_addr TYPE text;
ALTER TABLE legacy.customer_master ALTER COLUMN misc1 TYPE text;
COMMIT;
