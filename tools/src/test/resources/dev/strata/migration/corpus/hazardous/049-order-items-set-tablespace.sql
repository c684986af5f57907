-- expect: table-rewrite, missing-lock-timeout
-- why: SET TABLESPACE copies public.order_items and its index to the new tablespace under ACCESS EXCLUSIVE, without lock_timeout.

ALTER TABLE public.order_items SET TABLESPACE fast_ssd;
ALTER INDEX public.order_items_order_id_idx SET TABLESPACE fast_ssd;
