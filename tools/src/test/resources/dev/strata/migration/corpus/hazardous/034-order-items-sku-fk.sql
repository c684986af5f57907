-- expect: add-foreign-key-without-not-valid, existing-rows-violate, fk-column-without-index
-- needs: catalog
-- why: 200 order_items rows use skus SKU-00501..SKU-00540 that are not in products, so the validated FK fails; order_items.sku also has no index.

ALTER TABLE public.order_items
    ADD CONSTRAINT order_items_sku_fkey FOREIGN KEY (sku) REFERENCES public.products (sku);
