-- expect: naming-convention-drift, missing-lock-timeout
-- needs: catalog
-- why: public is snake_case (one legacy "lastLoginAt" aside), so the quoted camelCase "trackingNumber" breaks the convention; ACCESS EXCLUSIVE without lock_timeout.

ALTER TABLE public.orders ADD COLUMN "trackingNumber" text;
