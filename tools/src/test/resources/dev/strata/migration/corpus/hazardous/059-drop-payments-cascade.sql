-- expect: drop-table, dependent-objects, missing-lock-timeout
-- needs: catalog
-- why: CASCADE silently drops the materialized view billing.monthly_revenue that reads billing.payments, besides losing 50,998 payments.

DROP TABLE billing.payments CASCADE;
