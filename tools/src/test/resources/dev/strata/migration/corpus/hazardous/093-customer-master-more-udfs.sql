-- expect: wide-table
-- absent: missing-lock-timeout
-- needs: catalog
-- why: two more udf_* columns on the 68-column legacy.customer_master, which is already past the width threshold.

SET lock_timeout = '2s';
ALTER TABLE legacy.customer_master
    ADD COLUMN udf_num9 numeric,
    ADD COLUMN udf_num10 numeric;
