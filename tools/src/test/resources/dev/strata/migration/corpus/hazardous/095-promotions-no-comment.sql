-- expect: missing-comment
-- absent: bare-id-primary-key, create-index-not-concurrently
-- needs: catalog
-- why: public documents its tables with COMMENT, but the new promotions table and its columns have none (info).

CREATE TABLE public.promotions (
    promotion_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title text NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL
);
CREATE INDEX promotions_starts_at_idx ON public.promotions (starts_at);
