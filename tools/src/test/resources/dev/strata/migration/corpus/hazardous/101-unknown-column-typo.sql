-- expect: unknown-column
-- needs: catalog
-- why: public.orders has no column statsu (status is meant): "column statsu of relation orders does not exist" at deploy.

SET lock_timeout = '5s';
ALTER TABLE public.orders ALTER COLUMN statsu DROP DEFAULT;
