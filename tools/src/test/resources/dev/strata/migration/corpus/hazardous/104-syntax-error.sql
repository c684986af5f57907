-- expect: syntax-error
-- needs: catalog
-- why: NOT VALID applies to constraints, not to a column: PostgreSQL's parser rejects the statement ("syntax error at or near VALID") and the migration stops there.

SET lock_timeout = '5s';
ALTER TABLE public.orders ADD COLUMN gift_note text NOT VALID;
