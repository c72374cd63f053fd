package vn.danvan.etl.regions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.danvan.contract.csv.ContractCsvReader;

/**
 * The province level the project ships itself: the 63 provinces before 2025-07-01, the 34 after it
 * (GSO codes), and which old provinces formed each new one. Loaded from classpath resources, so
 * the province level is known even where the public admin-unit files are not (a fresh clone).
 *
 * <p>The resources were derived once from the public lists (see ../shared/reference/SOURCES.md);
 * {@code special_area} marks northern mountain and Central Highlands provinces, land-border,
 * coastal and island provinces; a new province carries the union of its old provinces' marks.
 */
public final class Provinces {
  static final String PROVINCES = "provinces.csv";
  static final String LINEAGE = "province_lineage.csv";

  private Provinces() {}

  /** 63 old provinces (valid_to 2025-06-30) and 34 new ones (valid_from 2025-07-01). */
  public static List<RegionRow> regions() {
    List<RegionRow> rows = new ArrayList<>();
    for (List<String> r : body(PROVINCES, 6)) {
      rows.add(new RegionRow(r.get(0), r.get(1), r.get(2), null, LocalDate.parse(r.get(3)),
          r.get(4).isEmpty() ? null : LocalDate.parse(r.get(4)), emptyToNull(r.get(5))));
    }
    return List.copyOf(rows);
  }

  /** Province-level lineage 2025-07-01: every old province to the new one it became part of. */
  public static List<LineageRow> lineage() {
    List<LineageRow> rows = new ArrayList<>();
    for (List<String> r : body(LINEAGE, 5)) {
      rows.add(new LineageRow(r.get(0), r.get(1), LocalDate.parse(r.get(2)), r.get(3),
          r.get(4).isEmpty() ? null : Double.valueOf(r.get(4))));
    }
    return List.copyOf(rows);
  }

  private static List<List<String>> body(String resource, int width) {
    try (InputStream in = Provinces.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource vn/danvan/etl/regions/" + resource);
      }
      List<List<String>> rows = ContractCsvReader.read(new InputStreamReader(in, StandardCharsets.UTF_8),
          resource).stream().map(ContractCsvReader.Row::fields).toList();
      for (List<String> row : rows) {
        if (row.size() != width) {
          throw new IllegalStateException(resource + ": expected " + width + " fields in " + row);
        }
      }
      return rows.subList(1, rows.size());
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
