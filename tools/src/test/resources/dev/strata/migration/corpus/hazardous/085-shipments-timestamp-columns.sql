-- expect: timestamp-without-time-zone
-- absent: create-index-not-concurrently, fk-column-without-index, bare-id-primary-key
-- why: the new shipments table stores shipped_at and delivered_at as timestamp without time zone.

CREATE TABLE public.order_shipments (
    order_shipment_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES public.orders (id),
    carrier text NOT NULL,
    shipped_at timestamp without time zone,
    delivered_at timestamp(0)
);
CREATE INDEX order_shipments_order_id_idx ON public.order_shipments (order_id);
COMMENT ON TABLE public.order_shipments IS 'Parcels shipped for an order.';
