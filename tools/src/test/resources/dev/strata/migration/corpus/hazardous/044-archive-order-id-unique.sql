-- expect: add-unique-constraint, existing-rows-violate
-- absent: missing-lock-timeout
-- needs: catalog
-- why: rows 9,901–10,000 of legacy.order_archive duplicate rows 1–100, so order_id is not unique and the constraint fails.

SET lock_timeout = '5s';
ALTER TABLE legacy.order_archive ADD UNIQUE (order_id);
