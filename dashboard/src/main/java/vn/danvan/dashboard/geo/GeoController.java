package vn.danvan.dashboard.geo;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import vn.danvan.warehouse.query.NotFoundException;

/** {@code GET /api/geo/{level}}: the imported boundaries, or 404 (the map then draws its tile grid). */
public final class GeoController {
  public static final String MEDIA_TYPE = "application/geo+json";
  private final GeoStore store;

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
    try {
      // Cache-Control is the API's own (private, no-store): a re-import is seen at the next load
      ctx.contentType(MEDIA_TYPE).result(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
