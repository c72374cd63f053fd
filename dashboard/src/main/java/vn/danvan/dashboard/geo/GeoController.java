package vn.danvan.dashboard.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import vn.danvan.contract.Boundaries;
import vn.danvan.dashboard.QueryParams;
import vn.danvan.warehouse.query.NotFoundException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Visibility;
import vn.danvan.warehouse.query.Warehouse;

/**
 * {@code GET /api/geo/{level}}: the imported boundaries, or 404 (the map then draws its tile
 * grid). A scoped caller gets only the features of the 2025 units its scope sees: a province's
 * map, not the country's list of names.
 */
public final class GeoController {
  public static final String MEDIA_TYPE = "application/geo+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final GeoStore store;
  /** level|scope|file time -> the scope's features; a few scopes, each a fraction of the file. */
  private final Map<String, byte[]> cut = new ConcurrentHashMap<>();

  public GeoController(GeoStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** {@code GET /api/geo}: which levels have imported boundaries, so a page asks only for those. */
  public void levels(Context ctx) {
    ctx.json(new GeoLevels(store.file("province").isPresent(), store.file("commune").isPresent()));
  }

  /** The answer of {@code /api/geo}. */
  public record GeoLevels(boolean province, boolean commune) {}

  public void get(Context ctx) {
    String level = ctx.pathParam("level");
    if (!level.equals("province") && !level.equals("commune")) {
      throw new IllegalArgumentException("level: must be province or commune, not '" + level + "'");
    }
    Path file = store.file(level).orElseThrow(() -> new NotFoundException("level",
        "no " + level + " boundaries imported (an admin runs: bin/danvan geo import FILE --level " + level + ")"));
    RegionScope scope = QueryParams.scope(ctx);
    try {
      // Cache-Control is the API's own (private, no-store): a re-import is seen at the next load
      if (scope.isCountry()) {
        ctx.contentType(MEDIA_TYPE).result(Files.readAllBytes(file));
        return;
      }
      // the units the scope sees in the snapshot the request reads (current figures or a release's)
      Warehouse warehouse = QueryParams.warehouse(ctx);
      Visibility seen = warehouse.visibility(scope);
      String key = level + "|" + scope.rootCode() + "|" + Files.getLastModifiedTime(file).toMillis() + "|"
          + warehouse.snapshotId().orElse("");
      if (cut.size() > 64) {
        cut.clear();
      }
      ctx.contentType(MEDIA_TYPE).result(cut.computeIfAbsent(key, k -> features(file, seen)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The feature collection of {@code file} with only the features whose {@code code} {@code seen} sees. */
  private static byte[] features(Path file, Visibility seen) {
    try {
      ObjectNode all = (ObjectNode) JSON.readTree(file.toFile());
      ArrayNode kept = JSON.createArrayNode();
      for (JsonNode feature : all.path("features")) {
        String code = feature.path("properties").path("code").asText(null);
        if (code != null && !code.equals(RegionScope.COUNTRY) && seen.sees(Boundaries.RESTATED_2025, code)) {
          kept.add(feature);
        }
      }
      all.set("features", kept);
      return JSON.writeValueAsBytes(all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
