-- expect: add-foreign-key-without-not-valid, existing-rows-violate, fk-column-without-index
-- needs: catalog
-- why: 40 accounts carry region_code 'EU', which is not a row of public.regions, so the validated FK fails; accounts.region_code is not indexed.

-- Make the region reference explicit.
ALTER TABLE public.accounts
    ADD CONSTRAINT accounts_region_code_fkey FOREIGN KEY (region_code) REFERENCES public.regions (code);
