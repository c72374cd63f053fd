package vn.danvan.dashboard.review;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.catalogue.IndicatorSentences;
import vn.danvan.contract.release.Release;
import vn.danvan.dashboard.QueryParams;
import vn.danvan.dashboard.access.AccessAudit;
import vn.danvan.dashboard.access.AuthGate;
import vn.danvan.dashboard.access.Caller;
import vn.danvan.dashboard.geo.GeoStore;
import vn.danvan.dashboard.release.ReleaseWarehouses;
import vn.danvan.warehouse.query.InvalidParameterException;

/**
 * {@code GET /api/review}: the review document of a region and year; {@code GET
 * /api/review/pack.pdf|docx|zip}: the pack printed from it (analysts and above; recorded in the
 * audit trail; 503 when the server has no Chromium to print with). {@code release=NAME} reads the
 * release's pinned snapshot, opened once and kept while the server runs.
 */
public final class ReviewController {
  public static final String PDF = "application/pdf";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String ZIP = "application/zip";

  private final IndicatorCatalogue catalogue;
  private final IndicatorSentences sentences;
  private final GeoStore geo;
  private final AccessAudit audit;

  public ReviewController(IndicatorCatalogue catalogue, GeoStore geo, AccessAudit audit) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.sentences = IndicatorSentences.load(catalogue);
    this.geo = Objects.requireNonNull(geo, "geo");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  public void document(Context ctx) {
    Release release = release(ctx);
    ctx.json(new ReviewModel(QueryParams.warehouse(ctx), catalogue, sentences, geo)
        .build(QueryParams.scope(ctx), QueryParams.region(ctx), QueryParams.requiredYear(ctx, "year"), lang(ctx), release));
  }

  public void pdf(Context ctx) {
    pack(ctx, "pdf");
  }

  public void docx(Context ctx) {
    pack(ctx, "docx");
  }

  public void zip(Context ctx) {
    pack(ctx, "zip");
  }

  private void pack(Context ctx, String kind) {
    Caller caller = AuthGate.caller(ctx);
    Release release = release(ctx);
    ReviewPack.Request request = new ReviewPack.Request(QueryParams.region(ctx), QueryParams.requiredYear(ctx, "year"),
        lang(ctx), release);
    // the region is checked against the scope before a browser is started
    new ReviewModel(QueryParams.warehouse(ctx), catalogue, sentences, geo).build(caller.scope(), request.region(),
        request.year(), request.lang(), release);
    if (!ReviewPack.printable()) {
      throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(), ReviewPack.notPrintable());
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("danvan-review-pack");
      ReviewPack.Result pack = new ReviewPack(QueryParams.warehouse(ctx), catalogue, Clock.systemUTC())
          .build(caller.login(), caller.scope(), request, dir);
      String name = "review-" + request.region() + "-" + request.year()
          + (release == null ? "" : "-" + release.name());
      byte[] bytes = switch (kind) {
        case "pdf" -> Files.readAllBytes(pack.pdf());
        case "docx" -> Files.readAllBytes(pack.docx());
        default -> zip(pack);
      };
      audit.action(ctx, vn.danvan.contract.audit.AuditEvent.Action.REVIEW_PACK, name + "." + kind, "ok", null);
      ctx.contentType(kind.equals("pdf") ? PDF : kind.equals("docx") ? DOCX : ZIP)
          .header("Content-Disposition", "attachment; filename=\"" + name + "." + kind + "\"").result(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Chromium.deleteTree(dir);
    }
  }

  private static byte[] zip(ReviewPack.Result pack) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Path file : Stream.concat(Stream.of(pack.pdf(), pack.docx()), pack.csv().stream()).toList()) {
        zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
        Files.copy(file, (OutputStream) zip);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String lang(Context ctx) {
    String lang = QueryParams.optional(ctx, "lang", "vi");
    if (!List.of("vi", "en").contains(lang)) {
      throw new InvalidParameterException("lang", "must be vi or en, not '" + lang + "'");
    }
    return lang;
  }

  /** The release asked for ({@link ReleaseWarehouses} resolved it for this request), or null for CURRENT. */
  private static Release release(Context ctx) {
    return ReleaseWarehouses.of(ctx).release().orElse(null);
  }

}
