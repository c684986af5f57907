-- expect: change-column-type, missing-lock-timeout
-- why: text to varchar(120) adds a length check, so public.products is rewritten under ACCESS EXCLUSIVE; no lock_timeout is set.

-- Limit product names to what the storefront can render.
ALTER TABLE public.products ALTER COLUMN name TYPE varchar(120);
