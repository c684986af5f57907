-- expect: drop-table, missing-lock-timeout
-- why: drops public.addresses and its 1,000 rows for good, under ACCESS EXCLUSIVE with no lock_timeout.

-- addresses has been frozen since 2019; tmp_customer_addresses is the live table.
DROP TABLE public.addresses;
