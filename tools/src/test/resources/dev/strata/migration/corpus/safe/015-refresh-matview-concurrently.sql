-- expect: none
-- absent: table-rewrite
-- why: REFRESH … CONCURRENTLY keeps billing.monthly_revenue readable during the refresh; it needs the unique index created (concurrently) just before.

-- month is unique in the view (it groups by month).
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS monthly_revenue_month_key ON billing.monthly_revenue (month);

REFRESH MATERIALIZED VIEW CONCURRENTLY billing.monthly_revenue;
