-- expect: delete-without-where
-- absent: add-not-null-column
-- needs: catalog
-- why: the table is emptied first, so adding a NOT NULL column without a default cannot fail (the DELETE itself is the hazard).

SET lock_timeout = '5s';
DELETE FROM public.tmp_customer_addresses;
ALTER TABLE public.tmp_customer_addresses ADD COLUMN verified_by bigint NOT NULL;
