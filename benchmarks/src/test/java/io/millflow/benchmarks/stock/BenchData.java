package io.millflow.benchmarks.stock;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark master data loaded by {@code benchmarks/scripts/stock-master-data.sql}, with the same
 * deterministic ids ({@code md5(name)::uuid} there, {@link #id(String)} here), and the JSON of posting
 * documents. Shape: 4 sites, 2 warehouses per site, per warehouse 4 zones x 10 aisles x 25 bins
 * (8,000 bins in all), 100,000 items (unit PCS, no lot or serial tracking).
 */
public final class BenchData {

  public static final int SITES = 4;
  public static final int WAREHOUSES = 8;
  public static final int ZONES_PER_WAREHOUSE = 4;
  public static final int AISLES_PER_ZONE = 10;
  public static final int BINS_PER_AISLE = 25;
  public static final int BINS_PER_WAREHOUSE = ZONES_PER_WAREHOUSE * AISLES_PER_ZONE * BINS_PER_AISLE;
  public static final int BINS = WAREHOUSES * BINS_PER_WAREHOUSE;
  public static final int ITEMS = 100_000;

  /** Nouns of the item names (the SQL builds "<Noun> <material> <size> <i>"). */
  public static final List<String> NOUNS = List.of("bolt", "nut", "washer", "screw", "rivet", "bearing", "bushing",
      "gasket", "o-ring", "seal", "flange", "coupling", "valve", "fitting", "elbow", "tee", "hose", "pipe", "tube",
      "bracket", "hinge", "spring", "pin", "clamp", "shaft", "gear", "pulley", "belt", "chain", "sprocket", "filter",
      "fuse", "relay", "switch", "cable", "connector", "sensor", "motor", "pump", "sheet");
  public static final List<String> MATERIALS = List.of("steel", "stainless", "brass", "copper", "aluminium", "nylon",
      "rubber", "ptfe", "galvanised", "cast-iron");

  private static final UUID[] ITEM_IDS = new UUID[ITEMS];
  private static final UUID[] BIN_IDS = new UUID[BINS];
  private static final String[] ITEM_JSON = new String[ITEMS];
  private static final String[] BIN_JSON = new String[BINS];

  static {
    for (int i = 0; i < ITEMS; i++) {
      ITEM_IDS[i] = id("bm-item-" + i);
      ITEM_JSON[i] = "\"" + ITEM_IDS[i] + "\"";
    }
    for (int b = 0; b < BINS; b++) {
      BIN_IDS[b] = id("bm-bin-" + b);
      BIN_JSON[b] = "\"" + BIN_IDS[b] + "\"";
    }
  }

  private BenchData() {
  }

  /** {@code md5(name)::uuid} as PostgreSQL computes it. */
  public static UUID id(String name) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
      long msb = 0;
      long lsb = 0;
      for (int i = 0; i < 8; i++) {
        msb = (msb << 8) | (d[i] & 0xff);
      }
      for (int i = 8; i < 16; i++) {
        lsb = (lsb << 8) | (d[i] & 0xff);
      }
      return new UUID(msb, lsb);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static UUID item(int i) {
    return ITEM_IDS[i];
  }

  public static UUID bin(int b) {
    return BIN_IDS[b];
  }

  public static UUID site(int s) {
    return id("bm-site-" + (s + 1));
  }

  public static UUID warehouse(int w) {
    return id("bm-wh-" + w);
  }

  public static UUID zone(int w, int z) {
    return id("bm-zone-" + w + "-" + z);
  }

  public static UUID aisle(int w, int z, int a) {
    return id("bm-aisle-" + w + "-" + z + "-" + a);
  }

  public static int warehouseOfBin(int b) {
    return b / BINS_PER_WAREHOUSE;
  }

  public static int siteOfBin(int b) {
    return warehouseOfBin(b) / 2;
  }

  public static String sku(int i) {
    return String.format("BM-%06d", i);
  }

  // ---------------------------------------------------------------------------------------------
  // Posting documents as JSON (PostingCommand / PostingLine of the stock API)

  /** Builds the JSON of one posting document, line by line. */
  public static final class Doc {
    private final StringBuilder json;
    private int lines;

    public Doc(String movementType, String reference, int expectedLines) {
      json = new StringBuilder(64 + expectedLines * 190);
      json.append("{\"movementType\":\"").append(movementType).append('"');
      if (reference != null) {
        json.append(",\"reference\":\"").append(reference).append('"');
      }
      json.append(",\"lines\":[");
    }

    /** A line; {@code from}/{@code to} are bin numbers or -1 (the movement type's virtual side). */
    public Doc line(int item, long quantity, int from, int to, BigDecimal unitCost) {
      if (lines++ > 0) {
        json.append(',');
      }
      json.append("{\"itemId\":").append(ITEM_JSON[item]).append(",\"quantity\":").append(quantity);
      if (from >= 0) {
        json.append(",\"fromLocationId\":").append(BIN_JSON[from]);
      }
      if (to >= 0) {
        json.append(",\"toLocationId\":").append(BIN_JSON[to]);
      }
      if (unitCost != null) {
        json.append(",\"unitCost\":").append(unitCost.toPlainString());
      }
      json.append('}');
      return this;
    }

    public int lines() {
      return lines;
    }

    public String json() {
      return json + "]}";
    }
  }

  /** A unit cost between 0.50 and 500.00 with two decimals. */
  public static BigDecimal unitCost(java.util.Random random) {
    return BigDecimal.valueOf(50 + random.nextInt(49_951), 2);
  }
}
