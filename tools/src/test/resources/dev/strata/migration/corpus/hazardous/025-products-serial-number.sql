-- expect: add-column-volatile-default, missing-lock-timeout
-- why: serial means DEFAULT nextval(…), a volatile default that rewrites public.products under ACCESS EXCLUSIVE; no lock_timeout.

ALTER TABLE public.products ADD COLUMN product_no serial;
COMMENT ON COLUMN public.products.product_no IS 'Short numeric product number for the warehouse scanners';
