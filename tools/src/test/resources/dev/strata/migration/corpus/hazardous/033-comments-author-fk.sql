-- expect: add-foreign-key-without-not-valid, missing-lock-timeout
-- absent: fk-column-without-index
-- why: the foreign key is validated in the same statement, scanning 30,000 comments while holding SHARE ROW EXCLUSIVE on comments and users; it should be added NOT VALID and validated separately.

-- Index first so the FK has one (outside any transaction).
CREATE INDEX CONCURRENTLY IF NOT EXISTS comments_author_id_idx ON public.comments (author_id);

ALTER TABLE public.comments
    ADD CONSTRAINT comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.users (id);
