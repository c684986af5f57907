-- expect: none
-- absent: create-index-not-concurrently
-- why: the table is created in this script, so it is empty and plain CREATE INDEX blocks nobody (squawk still asks for CONCURRENTLY).

-- the new table's foreign keys take SHARE ROW EXCLUSIVE on the tables they reference, for a moment
SET lock_timeout = '5s';

CREATE TABLE public.product_reviews (
    product_review_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku text NOT NULL REFERENCES public.products (sku),
    user_id bigint NOT NULL REFERENCES public.users (id),
    rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX product_reviews_sku_idx ON public.product_reviews (sku);
CREATE INDEX product_reviews_user_id_idx ON public.product_reviews (user_id);
CREATE INDEX product_reviews_created_at_idx ON public.product_reviews (created_at);

COMMENT ON TABLE public.product_reviews IS 'Star ratings and reviews written by users about products.';
COMMENT ON COLUMN public.product_reviews.product_review_id IS 'Surrogate key.';
COMMENT ON COLUMN public.product_reviews.sku IS 'Reviewed product.';
COMMENT ON COLUMN public.product_reviews.user_id IS 'Author of the review.';
COMMENT ON COLUMN public.product_reviews.rating IS 'Stars, 1 to 5.';
COMMENT ON COLUMN public.product_reviews.body IS 'Review text, optional.';
COMMENT ON COLUMN public.product_reviews.created_at IS 'When the review was posted.';
