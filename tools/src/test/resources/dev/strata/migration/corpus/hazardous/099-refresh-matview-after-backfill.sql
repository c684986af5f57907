-- expect: update-without-where, table-rewrite
-- absent: missing-lock-timeout
-- why: flags every payment as not deleted (no WHERE) and then refreshes billing.monthly_revenue without CONCURRENTLY, which blocks its readers while it rebuilds.

SET lock_timeout = '5s';

BEGIN;
UPDATE billing.payments SET is_deleted = false;
REFRESH MATERIALIZED VIEW billing.monthly_revenue;
COMMIT;
