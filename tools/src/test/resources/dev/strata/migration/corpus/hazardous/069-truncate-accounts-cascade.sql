-- expect: truncate, dependent-objects, missing-lock-timeout
-- needs: catalog
-- why: TRUNCATE … CASCADE follows the foreign keys from users, orders, order_items, tmp_customer_addresses, billing.invoices and billing.payments and empties them all.

-- Reset test data.
TRUNCATE public.accounts CASCADE;
