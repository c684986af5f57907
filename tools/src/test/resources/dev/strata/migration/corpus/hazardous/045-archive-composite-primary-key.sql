-- expect: add-primary-key, existing-rows-violate, missing-lock-timeout
-- needs: catalog
-- why: legacy.order_archive has 100 exactly duplicated rows, so the primary key over (order_id, cust_id) fails, after an index build under ACCESS EXCLUSIVE with no lock_timeout.

ALTER TABLE legacy.order_archive ADD CONSTRAINT order_archive_pkey PRIMARY KEY (order_id, cust_id);
