-- EXPLAIN (ANALYZE, BUFFERS) of the two statements StockQueries.stock runs for GET /api/v1/stock (the page of
-- 50 rows and the count with totals), once per filter of StockQuerySimulation, with the benchmark master data.
-- The SQL is copied from StockQueries.stock (keep it in step when that changes). Run:
--   psql -h 127.0.0.1 -p <port> -U postgres -f stock-query-explain.sql postgres
\set ON_ERROR_STOP on
\pset pager off
select md5('bm-item-12345')::uuid as item_id \gset
select md5('bm-zone-3-2')::uuid as zone_id \gset
select path || '%' as zone_path from location where id = :'zone_id' \gset
select md5('bm-site-2')::uuid as site_id \gset

\echo '==== by item: page'
explain (analyze, buffers, costs off)
select q.item_id, i.sku, i.name, i.base_unit, l.site_id, s.code, l.warehouse_id, w.code, q.location_id, l.code, l.type,
       q.lot_id, lt.number, lt.expiry_date, q.quantity, q.reserved,
       (select coalesce(sum(tl.base_quantity), 0) from transfer_line tl join transfer t on t.id = tl.transfer_id
        where t.status = 'READY' and tl.item_id = q.item_id and tl.to_location_id = q.location_id
          and coalesce(tl.lot_number, '') = coalesce(lt.number, ''))
from quant q join item i on i.id = q.item_id join location l on l.id = q.location_id left join lot lt on lt.id = q.lot_id
     join warehouse w on w.id = l.warehouse_id join site s on s.id = l.site_id
where true and (q.quantity > 0 or q.reserved > 0) and q.item_id = :'item_id'
order by i.sku, w.code, l.code, lt.number nulls first limit 50 offset 0;
\echo '==== by item: count'
explain (analyze, buffers, costs off)
select count(*), coalesce(sum(q.quantity), 0), coalesce(sum(q.reserved), 0)
from quant q join item i on i.id = q.item_id join location l on l.id = q.location_id left join lot lt on lt.id = q.lot_id
where true and (q.quantity > 0 or q.reserved > 0) and q.item_id = :'item_id';

\echo '==== under a zone: page'
explain (analyze, buffers, costs off)
select q.item_id, i.sku, i.name, i.base_unit, l.site_id, s.code, l.warehouse_id, w.code, q.location_id, l.code, l.type,
       q.lot_id, lt.number, lt.expiry_date, q.quantity, q.reserved,
       (select coalesce(sum(tl.base_quantity), 0) from transfer_line tl join transfer t on t.id = tl.transfer_id
        where t.status = 'READY' and tl.item_id = q.item_id and tl.to_location_id = q.location_id
          and coalesce(tl.lot_number, '') = coalesce(lt.number, ''))
from quant q join item i on i.id = q.item_id join location l on l.id = q.location_id left join lot lt on lt.id = q.lot_id
     join warehouse w on w.id = l.warehouse_id join site s on s.id = l.site_id
where true and (q.quantity > 0 or q.reserved > 0) and l.path like :'zone_path'
order by i.sku, w.code, l.code, lt.number nulls first limit 50 offset 0;
\echo '==== under a zone: count'
explain (analyze, buffers, costs off)
select count(*), coalesce(sum(q.quantity), 0), coalesce(sum(q.reserved), 0)
from quant q join item i on i.id = q.item_id join location l on l.id = q.location_id left join lot lt on lt.id = q.lot_id
where true and (q.quantity > 0 or q.reserved > 0) and l.path like :'zone_path';

\echo '==== by text "flange": page'
explain (analyze, buffers, costs off)
select q.item_id, i.sku, i.name, i.base_unit, l.site_id, s.code, l.warehouse_id, w.code, q.location_id, l.code, l.type,
       q.lot_id, lt.number, lt.expiry_date, q.quantity, q.reserved,
       (select coalesce(sum(tl.base_quantity), 0) from transfer_line tl join transfer t on t.id = tl.transfer_id
        where t.status = 'READY' and tl.item_id = q.item_id and tl.to_location_id = q.location_id
          and coalesce(tl.lot_number, '') = coalesce(lt.number, ''))
from quant q join item i on i.id = q.item_id join location l on l.id = q.location_id left join lot lt on lt.id = q.lot_id
     join warehouse w on w.id = l.warehouse_id join site s on s.id = l.site_id
where true and (q.quantity > 0 or q.reserved > 0) and (lower(i.sku) like '%flange%' or lower(i.name) like '%flange%')
order by i.sku, w.code, l.code, lt.number nulls first limit 50 offset 0;
\echo '==== by text "flange": count'
explain (analyze, buffers, costs off)
select count(*), coalesce(sum(q.quantity), 0), coalesce(sum(q.reserved), 0)
from quant q join item i on i.id = q.item_id join location l on l.id = q.location_id left join lot lt on lt.id = q.lot_id
where true and (q.quantity > 0 or q.reserved > 0) and (lower(i.sku) like '%flange%' or lower(i.name) like '%flange%');

\echo '==== by text "bm-01234": count'
explain (analyze, buffers, costs off)
select count(*), coalesce(sum(q.quantity), 0), coalesce(sum(q.reserved), 0)
from quant q join item i on i.id = q.item_id join location l on l.id = q.location_id left join lot lt on lt.id = q.lot_id
where true and (q.quantity > 0 or q.reserved > 0) and (lower(i.sku) like '%bm-01234%' or lower(i.name) like '%bm-01234%');

\echo '==== by site: page'
explain (analyze, buffers, costs off)
select q.item_id, i.sku, i.name, i.base_unit, l.site_id, s.code, l.warehouse_id, w.code, q.location_id, l.code, l.type,
       q.lot_id, lt.number, lt.expiry_date, q.quantity, q.reserved,
       (select coalesce(sum(tl.base_quantity), 0) from transfer_line tl join transfer t on t.id = tl.transfer_id
        where t.status = 'READY' and tl.item_id = q.item_id and tl.to_location_id = q.location_id
          and coalesce(tl.lot_number, '') = coalesce(lt.number, ''))
from quant q join item i on i.id = q.item_id join location l on l.id = q.location_id left join lot lt on lt.id = q.lot_id
     join warehouse w on w.id = l.warehouse_id join site s on s.id = l.site_id
where true and (q.quantity > 0 or q.reserved > 0) and l.site_id = :'site_id'
order by i.sku, w.code, l.code, lt.number nulls first limit 50 offset 0;
\echo '==== by site: count'
explain (analyze, buffers, costs off)
select count(*), coalesce(sum(q.quantity), 0), coalesce(sum(q.reserved), 0)
from quant q join item i on i.id = q.item_id join location l on l.id = q.location_id left join lot lt on lt.id = q.lot_id
where true and (q.quantity > 0 or q.reserved > 0) and l.site_id = :'site_id';
