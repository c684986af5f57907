-- expect: concurrent-index-in-transaction
-- absent: create-index-not-concurrently
-- why: CREATE INDEX CONCURRENTLY cannot run inside a transaction block, so this migration fails at the first index.

BEGIN;

-- Index for the "recent comments by author" query.
CREATE INDEX CONCURRENTLY comments_author_id_idx ON public.comments (author_id);

COMMIT;
