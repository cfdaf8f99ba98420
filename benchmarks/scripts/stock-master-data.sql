-- Master data for the stock benchmarks (StockReceiptSimulation, StockDataLoadSimulation,
-- StockQuerySimulation, StockPostingThroughputSimulation). Loaded with SQL because the API creates one
-- item or location per request; no stock is created here (stock only comes from postings through the API).
--
-- Ids are deterministic, md5(<name>)::uuid, so that the simulations compute the same ids (BenchData.java):
--   sites       'bm-site-<s>'                  s = 1..4            code BM-S<s>
--   warehouses  'bm-wh-<w>'                    w = 0..7 (2 per site) code BM-W<w>
--   zones       'bm-zone-<w>-<z>'              z = 0..3            VIEW, code Z<z+1>
--   aisles      'bm-aisle-<w>-<z>-<a>'         a = 0..9            VIEW, code Z<z+1>-A<a+1>
--   bins        'bm-bin-<b>'                   b = 0..7999         STORAGE, code Z<z+1>-A<a+1>-<n+1>
--               (b = w*1000 + z*250 + a*25 + n)
--   items       'bm-item-<i>'                  i = 0..99999        SKU BM-<i, 6 digits>, unit PCS, no tracking
--
-- Run once per database, e.g. psql -h 127.0.0.1 -p <port> -U postgres -v ON_ERROR_STOP=1 -f stock-master-data.sql postgres
\set ON_ERROR_STOP on
begin;

insert into site (id, code, name, active, created_at, version)
select md5('bm-site-' || s)::uuid, 'BM-S' || s, 'Benchmark site ' || s, true, now(), 0
from generate_series(1, 4) s;

insert into warehouse (id, site_id, code, name, active, created_at, version)
select md5('bm-wh-' || w)::uuid, md5('bm-site-' || (w / 2 + 1))::uuid, 'BM-W' || w, 'Benchmark warehouse ' || w, true,
       now(), 0
from generate_series(0, 7) w;

insert into location (id, warehouse_id, site_id, parent_id, code, name, type, virtual, active, path, created_at, version)
select md5('bm-zone-' || w || '-' || z)::uuid, md5('bm-wh-' || w)::uuid, md5('bm-site-' || (w / 2 + 1))::uuid, null,
       'Z' || (z + 1), 'Zone ' || (z + 1), 'VIEW', false, true,
       '/' || md5('bm-wh-' || w)::uuid || '/' || md5('bm-zone-' || w || '-' || z)::uuid || '/', now(), 0
from generate_series(0, 7) w, generate_series(0, 3) z;

insert into location (id, warehouse_id, site_id, parent_id, code, name, type, virtual, active, path, created_at, version)
select md5('bm-aisle-' || w || '-' || z || '-' || a)::uuid, md5('bm-wh-' || w)::uuid, md5('bm-site-' || (w / 2 + 1))::uuid,
       md5('bm-zone-' || w || '-' || z)::uuid, 'Z' || (z + 1) || '-A' || lpad((a + 1)::text, 2, '0'),
       'Aisle ' || (a + 1) || ' of zone ' || (z + 1), 'VIEW', false, true,
       '/' || md5('bm-wh-' || w)::uuid || '/' || md5('bm-zone-' || w || '-' || z)::uuid || '/'
           || md5('bm-aisle-' || w || '-' || z || '-' || a)::uuid || '/', now(), 0
from generate_series(0, 7) w, generate_series(0, 3) z, generate_series(0, 9) a;

insert into location (id, warehouse_id, site_id, parent_id, code, name, type, virtual, active, path, created_at, version)
select md5('bm-bin-' || b)::uuid, md5('bm-wh-' || w)::uuid, md5('bm-site-' || (w / 2 + 1))::uuid,
       md5('bm-aisle-' || w || '-' || z || '-' || a)::uuid,
       'Z' || (z + 1) || '-A' || lpad((a + 1)::text, 2, '0') || '-' || lpad((n + 1)::text, 2, '0'),
       'Bin ' || (n + 1), 'STORAGE', false, true,
       '/' || md5('bm-wh-' || w)::uuid || '/' || md5('bm-zone-' || w || '-' || z)::uuid || '/'
           || md5('bm-aisle-' || w || '-' || z || '-' || a)::uuid || '/' || md5('bm-bin-' || b)::uuid || '/', now(), 0
from (select b, b / 1000 as w, (b % 1000) / 250 as z, (b % 250) / 25 as a, b % 25 as n
      from generate_series(0, 7999) b) x;

-- 100,000 items. Names are "<noun> <material> <size> <i>" from 40 nouns x 10 materials x 12 sizes, so a
-- search for a noun finds about 2,500 items, noun and material together about 250.
with nouns as (select array['bolt', 'nut', 'washer', 'screw', 'rivet', 'bearing', 'bushing', 'gasket', 'o-ring', 'seal',
                            'flange', 'coupling', 'valve', 'fitting', 'elbow', 'tee', 'hose', 'pipe', 'tube', 'bracket',
                            'hinge', 'spring', 'pin', 'clamp', 'shaft', 'gear', 'pulley', 'belt', 'chain', 'sprocket',
                            'filter', 'fuse', 'relay', 'switch', 'cable', 'connector', 'sensor', 'motor', 'pump', 'sheet'] as a),
     materials as (select array['steel', 'stainless', 'brass', 'copper', 'aluminium', 'nylon', 'rubber', 'ptfe',
                                'galvanised', 'cast-iron'] as a),
     sizes as (select array['M4', 'M5', 'M6', 'M8', 'M10', 'M12', 'M16', 'M20', 'DN15', 'DN25', 'DN50', 'DN80'] as a)
insert into item (id, sku, name, description, category, base_unit, tracking, shelf_life_days, abc_class, active,
                  created_at, updated_at, version)
select md5('bm-item-' || i)::uuid, 'BM-' || lpad(i::text, 6, '0'),
       initcap(nouns.a[i % 40 + 1]) || ' ' || materials.a[(i / 40) % 10 + 1] || ' ' || sizes.a[(i / 400) % 12 + 1] || ' '
           || i,
       null, 'Category ' || (i % 20 + 1), 'PCS', 'NONE', null,
       case when i % 10 = 0 then 'A' when i % 10 < 4 then 'B' else 'C' end, true, now(), now(), 0
from generate_series(0, 99999) i, nouns, materials, sizes;

commit;
analyze site;
analyze warehouse;
analyze location;
analyze item;
select (select count(*) from site where code like 'BM-%') as sites,
       (select count(*) from warehouse where code like 'BM-%') as warehouses,
       (select count(*) from location where type = 'STORAGE' and site_id is not null) as bins,
       (select count(*) from item where sku like 'BM-%') as items;
