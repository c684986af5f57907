-- expect: none
-- absent: bare-id-primary-key, timestamp-without-time-zone, create-index-not-concurrently
-- why: a new schema with a new empty table and its index: nothing existing is locked or rewritten.

CREATE SCHEMA IF NOT EXISTS reporting;

CREATE TABLE reporting.daily_sales (
    sales_day date PRIMARY KEY,
    order_count bigint NOT NULL,
    revenue_cents bigint NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX daily_sales_computed_at_idx ON reporting.daily_sales (computed_at);

COMMENT ON SCHEMA reporting IS 'Pre-aggregated tables for dashboards.';
COMMENT ON TABLE reporting.daily_sales IS 'One row per day: orders and revenue, recomputed nightly.';
COMMENT ON COLUMN reporting.daily_sales.sales_day IS 'UTC day.';
COMMENT ON COLUMN reporting.daily_sales.order_count IS 'Orders created that day.';
COMMENT ON COLUMN reporting.daily_sales.revenue_cents IS 'Sum of total_cents, test accounts excluded.';
COMMENT ON COLUMN reporting.daily_sales.computed_at IS 'When the row was last recomputed.';
