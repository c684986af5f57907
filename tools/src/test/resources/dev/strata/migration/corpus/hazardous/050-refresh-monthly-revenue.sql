-- expect: table-rewrite, missing-lock-timeout
-- why: a plain REFRESH MATERIALIZED VIEW rebuilds billing.monthly_revenue under ACCESS EXCLUSIVE, blocking every dashboard read, with no lock_timeout.

-- Backfilled payments must show up in the revenue dashboard.
REFRESH MATERIALIZED VIEW billing.monthly_revenue;
