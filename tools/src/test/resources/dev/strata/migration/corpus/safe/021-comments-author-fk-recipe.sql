-- expect: none
-- absent: add-foreign-key-without-not-valid, fk-column-without-index
-- why: concurrent index, FK NOT VALID under lock_timeout, then VALIDATE in a separate step; every non-NULL comments.author_id resolves to a user.

\set ON_ERROR_STOP on
\echo 'step 1/3: index comments.author_id'
CREATE INDEX CONCURRENTLY IF NOT EXISTS comments_author_id_idx ON public.comments (author_id);

\echo 'step 2/3: add FK NOT VALID'
SET lock_timeout = '2s';
ALTER TABLE public.comments
    ADD CONSTRAINT comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.users (id) NOT VALID;

\echo 'step 3/3: validate'
ALTER TABLE public.comments VALIDATE CONSTRAINT comments_author_id_fkey;
