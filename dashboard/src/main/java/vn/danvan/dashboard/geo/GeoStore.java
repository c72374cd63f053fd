package vn.danvan.dashboard.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Region boundaries an admin imported for the maps: one GeoJSON FeatureCollection per level, kept
 * beside the lake's snapshots in {@code geo/<level>.geojson} (configuration of the display, not
 * data of a snapshot). An import checks every feature, normalises it to {@code code} and
 * {@code name} properties, rounds coordinates to 5 decimals (about a metre) and replaces the file
 * atomically: the map never reads half a file.
 */
public final class GeoStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SURFACES = Set.of("Polygon", "MultiPolygon");

  private final Path folder;

  public GeoStore(Path lakeRoot) {
    this.folder = Objects.requireNonNull(lakeRoot, "lakeRoot").resolve("geo");
  }

  /** The imported file of {@code level} ({@code province} or {@code commune}), if any. */
  public Optional<Path> file(String level) {
    Path file = folder.resolve(checkLevel(level) + ".geojson");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** What an import did. {@code missing}: known regions of the level that have no feature. */
  public record Imported(Path file, int features, List<String> missing) {
    public Imported {
      missing = List.copyOf(missing);
    }
  }

  /**
   * Imports {@code source}, whose features name their region in property {@code codeProperty}.
   *
   * @param known the level's regions {@code code -> name} in the served snapshot; every feature's
   *     code must be one of them (empty: no snapshot to check against, codes taken as given)
   * @throws IllegalArgumentException naming the first problem; nothing is written then
   */
  public Imported importFile(Path source, String level, String codeProperty, Map<String, String> known) {
    checkLevel(level);
    JsonNode doc;
    try {
      doc = JSON.readTree(source.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(source + " is not readable JSON: " + e.getMessage(), e);
    }
    if (doc == null || !"FeatureCollection".equals(doc.path("type").asText())) {
      throw new IllegalArgumentException(source + " is not a GeoJSON FeatureCollection");
    }
    ObjectNode out = JSON.createObjectNode().put("type", "FeatureCollection");
    ArrayNode features = out.putArray("features");
    Set<String> seen = new LinkedHashSet<>();
    Set<String> unknown = new TreeSet<>();
    int i = 0;
    for (JsonNode f : doc.path("features")) {
      i++;
      String code = f.path("properties").path(codeProperty).asText("").strip();
      if (code.isEmpty()) {
        throw new IllegalArgumentException("feature " + i + " has no property '" + codeProperty
            + "' (choose the property with the GSO code: --code-property)");
      }
      String type = f.path("geometry").path("type").asText("");
      if (!SURFACES.contains(type)) {
        throw new IllegalArgumentException("feature " + i + " (" + code + ") has geometry '" + type
            + "', not Polygon or MultiPolygon");
      }
      if (!seen.add(code)) {
        throw new IllegalArgumentException("feature " + i + ": code " + code + " appears twice");
      }
      if (!known.isEmpty() && !known.containsKey(code)) {
        unknown.add(code);
        continue;
      }
      ObjectNode feature = features.addObject().put("type", "Feature");
      String name = known.getOrDefault(code, f.path("properties").path("name").asText(code));
      feature.putObject("properties").put("code", code).put("name", name);
      ObjectNode geometry = feature.putObject("geometry").put("type", type);
      geometry.set("coordinates", rounded(f.path("geometry").path("coordinates")));
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("codes not among the " + known.size() + " " + level
          + " regions of the served snapshot: " + String.join(", ", unknown));
    }
    if (features.isEmpty()) {
      throw new IllegalArgumentException(source + " has no features");
    }
    List<String> missing = new ArrayList<>(new TreeSet<>(known.keySet()));
    missing.removeAll(seen);
    Path target = folder.resolve(level + ".geojson");
    try {
      Files.createDirectories(folder);
      Path tmp = Files.createTempFile(folder, level, ".tmp");
      JSON.writeValue(tmp.toFile(), out);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    return new Imported(target, features.size(), missing);
  }

  private static JsonNode rounded(JsonNode node) {
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(n -> copy.add(rounded(n)));
      return copy;
    }
    return node.isNumber() ? DoubleNode.valueOf(Math.round(node.asDouble() * 1e5) / 1e5) : node;
  }

  private static String checkLevel(String level) {
    if (!"province".equals(level) && !"commune".equals(level)) {
      throw new IllegalArgumentException("level must be province or commune, not '" + level + "'");
    }
    return level;
  }
}
