-- expect: naming-convention-drift
-- absent: bare-id-primary-key, create-index-not-concurrently
-- needs: catalog
-- why: the new table "GiftCards" and its columns are PascalCase/camelCase in a snake_case schema, so every query must quote them.

CREATE TABLE public."GiftCards" (
    "giftCardId" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "balanceCents" bigint NOT NULL,
    "expiresAt" timestamptz
);
CREATE INDEX "GiftCards_expiresAt_idx" ON public."GiftCards" ("expiresAt");
COMMENT ON TABLE public."GiftCards" IS 'Prepaid gift cards.';
COMMENT ON COLUMN public."GiftCards"."balanceCents" IS 'Remaining balance in cents.';
COMMENT ON COLUMN public."GiftCards"."expiresAt" IS 'Expiry, NULL for never.';
