package vn.danvan.etl.regions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.danvan.contract.Boundaries;

/**
 * Converts the public admin-unit files (thanglequoc/vietnamese-provinces-database before and after
 * the reform, dvhcvn's merger mapping) into contract rows. The files come from different people and
 * disagree in a few places; each disagreement is repaired the same way every time and noted.
 */
public final class AdminUnitsImport {
  public static final String UNITS_2024 = "units-2024-63-provinces.json";
  public static final String UNITS_2025 = "units-2025-34-provinces.json";
  public static final String MERGER = "merger-2025-new-to-old.json";

  /** Old units whose start is not known are valid from the 2008 reorganisation (Hà Tây into Hà Nội). */
  static final LocalDate OLD_FROM = LocalDate.of(2008, 8, 1);
  static final LocalDate OLD_TO = Boundaries.REFORM.minusDays(1);

  private AdminUnitsImport() {}

  /** Reads the three files of {@code referenceDir}; fails with the missing file's path. */
  public static AdminUnits read(Path referenceDir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    return convert(json.readTree(file(referenceDir, UNITS_2024)),
        json.readTree(file(referenceDir, UNITS_2025)), json.readTree(file(referenceDir, MERGER)));
  }

  /** True when {@code referenceDir} holds the three files. */
  public static boolean present(Path referenceDir) {
    return Files.isRegularFile(referenceDir.resolve(UNITS_2024))
        && Files.isRegularFile(referenceDir.resolve(UNITS_2025))
        && Files.isRegularFile(referenceDir.resolve(MERGER));
  }

  private static java.io.File file(Path dir, String name) throws NoSuchFileException {
    Path path = dir.resolve(name);
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(path.toAbsolutePath().toString(), null,
          "admin-unit reference file missing");
    }
    return path.toFile();
  }

  static AdminUnits convert(JsonNode units2024, JsonNode units2025, JsonNode merger) {
    Map<String, String> specialAreas = new HashMap<>();
    for (RegionRow p : Provinces.regions()) {
      specialAreas.put(p.code() + "@" + p.validFrom(), p.specialArea());
    }
    List<RegionRow> oldProvinces = new ArrayList<>();
    List<RegionRow> districts = new ArrayList<>();
    List<RegionRow> oldCommunes = new ArrayList<>();
    Map<String, String> provinceOfOldCommune = new HashMap<>();
    for (JsonNode p : units2024) {
      String province = text(p, "Code");
      oldProvinces.add(old(province, text(p, "FullName"), "province", null,
          specialAreas.get(province + "@" + OLD_FROM)));
      for (JsonNode d : p.path("District")) {
        JsonNode wards = d.path("Ward");
        // The five island districts have no communes ("Ward": null); they are units of their own.
        districts.add(old(text(d, "Code"), text(d, "FullName"), "district", province,
            wards.isArray() ? null : "island"));
        for (JsonNode w : wards) {
          oldCommunes.add(old(text(w, "Code"), text(w, "FullName"), "commune", text(d, "Code"), null));
          provinceOfOldCommune.put(text(w, "Code"), province);
        }
      }
    }
    List<RegionRow> newProvinces = new ArrayList<>();
    List<RegionRow> newCommunes = new ArrayList<>();
    Map<String, String> newCommuneProvince = new LinkedHashMap<>();
    for (JsonNode p : units2025) {
      String province = text(p, "Code");
      newProvinces.add(new RegionRow(province, text(p, "FullName"), "province", null,
          Boundaries.REFORM, null, specialAreas.get(province + "@" + Boundaries.REFORM)));
      for (JsonNode w : p.path("Wards")) {
        String name = text(w, "FullName");
        // Special zones (đặc khu) are the former island districts.
        newCommunes.add(new RegionRow(text(w, "Code"), name, "commune", province, Boundaries.REFORM,
            null, name.startsWith("Đặc khu") ? "island" : null));
        newCommuneProvince.put(text(w, "Code"), province);
      }
    }
    requireUnique(oldProvinces, districts, oldCommunes);
    requireUnique(newProvinces, newCommunes);

    Lineage lineage = new Lineage(merger, newCommuneProvince, provinceOfOldCommune,
        codes(districts), newCommunes);
    List<RegionRow> regions = new ArrayList<>();
    regions.addAll(oldProvinces);
    regions.addAll(districts);
    regions.addAll(oldCommunes);
    regions.addAll(lineage.addedOldCommunes);
    regions.addAll(newProvinces);
    regions.addAll(newCommunes);
    return new AdminUnits(regions, lineage.rows, lineage.addedOldCommunes.size(),
        lineage.districtLinks, lineage.notes);
  }

  private static RegionRow old(String code, String name, String level, String parent, String area) {
    return new RegionRow(code, name, level, parent, OLD_FROM, OLD_TO, area);
  }

  private static Set<String> codes(List<RegionRow> rows) {
    Set<String> codes = new HashSet<>();
    rows.forEach(r -> codes.add(r.code()));
    return codes;
  }

  @SafeVarargs
  private static void requireUnique(List<RegionRow>... levels) {
    Set<String> seen = new HashSet<>();
    for (List<RegionRow> level : levels) {
      for (RegionRow r : level) {
        if (r.code().length() == 5 && !seen.add(r.code())) {
          throw new IllegalStateException("commune code " + r.code() + " appears twice in one period");
        }
        if (r.code().length() != 5 && !seen.add(r.level() + r.code())) {
          throw new IllegalStateException(r.level() + " code " + r.code() + " appears twice");
        }
      }
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalStateException("admin-unit record without " + field + ": " + node);
    }
    return v.asText().strip();
  }

  /** The merger file's links, checked against the two unit lists. */
  private static final class Lineage {
    final List<LineageRow> rows = new ArrayList<>();
    final List<RegionRow> addedOldCommunes = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    int districtLinks;

    Lineage(JsonNode merger, Map<String, String> newCommuneProvince,
        Map<String, String> provinceOfOldCommune, Set<String> districtCodes,
        List<RegionRow> newCommunes) {
      Map<String, Integer> linksPerOld = new HashMap<>();
      for (JsonNode p : merger.path("data")) {
        p.path("merges").forEach(m -> linksPerOld.merge("p" + text(m, "old_id"), 1, Integer::sum));
        for (JsonNode l2 : p.path("level2s")) {
          l2.path("merges").forEach(m -> linksPerOld.merge("c" + text(m, "old_id"), 1, Integer::sum));
        }
      }
      Set<String> mapped = new HashSet<>();
      for (JsonNode p : merger.path("data")) {
        for (JsonNode l2 : p.path("level2s")) {
          mapped.add(text(l2, "level2_id"));
        }
      }
      Set<String> added = new LinkedHashSet<>();
      for (JsonNode p : merger.path("data")) {
        String newProvince = text(p, "level1_id");
        for (JsonNode m : p.path("merges")) {
          add(text(m, "old_id"), newProvince, text(m, "type"), linksPerOld.get("p" + text(m, "old_id")));
        }
        for (JsonNode l2 : p.path("level2s")) {
          String newCode = resolveNewCode(l2, newProvince, newCommuneProvince, mapped, newCommunes);
          if (newCode == null) {
            continue;
          }
          for (JsonNode m : l2.path("merges")) {
            String oldId = text(m, "old_id");
            if (districtCodes.contains(oldId)) {
              districtLinks++;
            } else if (!provinceOfOldCommune.containsKey(oldId) && added.add(oldId)) {
              addedOldCommunes.add(old(oldId, text(m, "name"), "commune",
                  siblingProvince(l2, provinceOfOldCommune), null));
            }
            add(oldId, newCode, text(m, "type"), linksPerOld.get("c" + oldId));
          }
        }
      }
      if (!addedOldCommunes.isEmpty()) {
        notes.add(addedOldCommunes.size() + " old communes linked by the merger file are not in the"
            + " 2024 list; added with its names: "
            + addedOldCommunes.stream().map(RegionRow::code).toList());
      }
    }

    private void add(String oldCode, String newCode, String relation, int linksOfOld) {
      if (!"full".equals(relation) && !"partial".equals(relation)) {
        throw new IllegalStateException("lineage " + oldCode + " -> " + newCode + ": relation " + relation);
      }
      // A full link carries weight 1 only when the old unit went wholly to this one new unit.
      Double weight = "full".equals(relation) && linksOfOld == 1 ? 1.0 : null;
      rows.add(new LineageRow(oldCode, newCode, Boundaries.REFORM, relation, weight));
    }

    /**
     * The merger file's code of a new commune, or, when the 2025 list has no such code, the one
     * commune of the same province and name that the merger file does not map (two such typos in
     * dvhcvn/20250701). Null (with a note) when no repair is unambiguous.
     */
    private String resolveNewCode(JsonNode l2, String province, Map<String, String> newCommuneProvince,
        Set<String> mapped, List<RegionRow> newCommunes) {
      String code = text(l2, "level2_id");
      if (province.equals(newCommuneProvince.get(code))) {
        return code;
      }
      String name = nfc(text(l2, "name"));
      List<String> candidates = newCommunes.stream()
          .filter(c -> c.parentCode().equals(province) && !mapped.contains(c.code())
              && nfc(c.name()).equals(name))
          .map(RegionRow::code).toList();
      if (candidates.size() == 1) {
        notes.add("merger file names new commune " + code + " " + name + " in province " + province
            + "; the 2025 list has it as " + candidates.get(0) + ": linked there");
        return candidates.get(0);
      }
      notes.add("merger file's new commune " + code + " " + name + " (province " + province
          + ") matches no unit of the 2025 list: its links are dropped");
      return null;
    }

    /** The old province of the other old communes that formed the same new commune, if they agree. */
    private static String siblingProvince(JsonNode l2, Map<String, String> provinceOfOldCommune) {
      Set<String> provinces = new LinkedHashSet<>();
      l2.path("merges").forEach(m -> {
        String p = provinceOfOldCommune.get(text(m, "old_id"));
        if (p != null) {
          provinces.add(p);
        }
      });
      return provinces.size() == 1 ? provinces.iterator().next() : null;
    }

    private static String nfc(String s) {
      return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
  }
}
