-- expect: fk-column-without-index
-- absent: bare-id-primary-key, create-index-not-concurrently
-- why: wishlists.user_id references users but no index leads with it, so deleting a user scans wishlists and joins are slow.

CREATE TABLE public.wishlists (
    wishlist_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES public.users (id) ON DELETE CASCADE,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE public.wishlists IS 'Saved product lists of a user.';
