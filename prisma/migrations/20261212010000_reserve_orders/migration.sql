-- Group commit for one-tap purchases (issue 14 items 1-2): reserve_orders places a
-- batch of taps in ONE statement and ONE transaction, so the round trip, the hot
-- variant row's lock and the commit's WAL flush are paid per batch, not per tap.
-- Each tap is reserve_order unchanged (20261210080000_qr_payments), called inside
-- its own BEGIN ... EXCEPTION block: a refusal is reserve_order's own answer, and an
-- error (a unique violation from another node, a deadlock) rolls back that tap's
-- rows only and answers it with ERROR and its SQLSTATE; the other taps' sales stand.
-- Taps are answered one row each, numbered in the order they came.
CREATE FUNCTION "reserve_orders"(p_taps jsonb) RETURNS TABLE ("ord" INTEGER, "r" jsonb)
LANGUAGE plpgsql AS $$
DECLARE
    t RECORD;
BEGIN
    FOR t IN SELECT x, o::int AS o FROM jsonb_array_elements(p_taps) WITH ORDINALITY AS e(x, o) ORDER BY o LOOP
        "ord" := t.o;
        BEGIN
            "r" := "reserve_order"(
                t.x ->> 'orderId', t.x ->> 'buyerId', t.x ->> 'showId', t.x ->> 'source', t.x -> 'lines', t.x ->> 'idempotencyKey',
                t.x ->> 'couponCode', (t.x ->> 'expectedTotalMinor')::int, NULLIF(t.x -> 'inline', 'null'::jsonb));
        EXCEPTION WHEN OTHERS THEN
            "r" := jsonb_build_object('outcome', 'ERROR', 'sqlstate', SQLSTATE, 'message', SQLERRM);
        END;
        RETURN NEXT;
    END LOOP;
END;
$$;
