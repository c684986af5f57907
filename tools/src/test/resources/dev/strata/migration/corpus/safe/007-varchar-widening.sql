-- expect: none
-- absent: change-column-type
-- needs: catalog
-- why: widening varchar(80) to varchar(200) is a catalog-only change in PostgreSQL (no rewrite, no scan); lock_timeout bounds the brief lock. Needs the catalog: the current type decides (without it a change to varchar/text is only an info "cannot tell").

SET lock_timeout = '2s';
ALTER TABLE legacy.customer_master ALTER COLUMN cust_nm TYPE varchar(200);
ALTER TABLE legacy.customer_master ALTER COLUMN contact_nm TYPE varchar(200);
