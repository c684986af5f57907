-- expect: add-column-volatile-default, add-primary-key, missing-lock-timeout
-- why: three subcommands in one ALTER: an identity column is filled for every row (rewrite), and the new primary key is built under ACCESS EXCLUSIVE without USING INDEX; no lock_timeout.

ALTER TABLE public.products
    ADD COLUMN product_id bigint GENERATED ALWAYS AS IDENTITY,
    DROP CONSTRAINT products_pkey,
    ADD PRIMARY KEY (product_id);
