-- expect: polymorphic-reference
-- absent: create-index-not-concurrently, bare-id-primary-key
-- why: notable_type + notable_id is a polymorphic pair with no foreign key, so nothing guarantees the referenced row exists.

CREATE TABLE public.notes (
    note_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notable_type text NOT NULL,
    notable_id bigint NOT NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notes_notable_idx ON public.notes (notable_type, notable_id);
COMMENT ON TABLE public.notes IS 'Internal notes on orders, users or accounts.';
