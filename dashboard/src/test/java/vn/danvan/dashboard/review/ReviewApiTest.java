package vn.danvan.dashboard.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static vn.danvan.dashboard.ApiHarness.assertError;
import static vn.danvan.dashboard.ApiHarness.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.dashboard.ApiHarness;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.Account;
import vn.danvan.dashboard.access.RecordingAudit;
import vn.danvan.dashboard.access.Role;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.dashboard.pages.PageFixture;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * {@code /api/review} and the pack's downloads: what they answer and whom they refuse (no browser
 * needed), and one download built by the server's own Chromium.
 */
class ReviewApiTest {
  private static final String HANOI_VIEWER = "hanoi-viewer-token-0123456789";
  private static final String HANOI_ANALYST = "hanoi-analyst-token-0123456789";

  @TempDir Path dir;

  private void serve(ApiHarness.Calls calls) throws Exception {
    TestLake lake = PageFixture.write(dir.resolve("lake"));
    TestAccounts accounts = TestAccounts.standard()
        .add(new Account("hanoi", Role.VIEWER, new RegionScope("01"), false, false), TestAccounts.PASSWORD, HANOI_VIEWER)
        .add(new Account("hanoi.analyst", Role.ANALYST, new RegionScope("01"), false, false), TestAccounts.PASSWORD,
            HANOI_ANALYST);
    ApiHarness.serve(lake, AccessControl.of(accounts, audit), calls);
  }

  private final RecordingAudit audit = new RecordingAudit();

  @Test
  void the_review_of_a_province_holds_its_figures_sentences_peers_and_warnings() throws Exception {
    serve(client -> {
      JsonNode doc = ok(client.get("/api/review?region=01&year=2024"));
      assertThat(doc.at("/region/name").asText()).isEqualTo("Thành phố Hà Nội");
      assertThat(doc.get("boundaries").asText()).isEqualTo("2025");
      JsonNode houses = null;
      for (JsonNode h : doc.get("headlines")) {
        if (h.get("indicator").asText().equals("houses_supported")) {
          houses = h;
        }
      }
      assertThat(houses).isNotNull();
      // restated: 100 + 8 + 50 in 2024, 157 in 2023, 153 five years before
      assertThat(houses.get("value").asDouble()).isEqualTo(158);
      assertThat(houses.get("previous").asDouble()).isEqualTo(157);
      assertThat(houses.get("growth_5y_percent").asDouble()).isCloseTo(100.0 * (158.0 / 153 - 1), org.assertj.core.data.Offset.offset(1e-9));
      assertThat(houses.get("sentence").asText()).isEqualTo(
          "Năm 2024, toàn thành phố xây mới, sửa chữa 158 ngôi nhà cho nhân dân, tăng 1 (0,64 %) so với năm 2023.");
      JsonNode welfare = null;
      for (JsonNode g : doc.get("groups")) {
        if (g.get("group").asText().equals("welfare")) {
          welfare = g;
        }
      }
      List<String> peers = new ArrayList<>();
      welfare.at("/ranking/rows").forEach(r -> peers.add(r.get("rank").asInt() + " " + r.get("name").asText()));
      assertThat(peers).containsExactly("1 Phường Ngọc Hà", "2 Phường Ba Đình", "3 Phường Giảng Võ");
      assertThat(welfare.at("/ranking/level").asText()).isEqualTo("commune");
      JsonNode warning = doc.get("consistency").get(0);
      assertThat(warning.get("total").asDouble()).isEqualTo(4494);
      assertThat(warning.get("sum").asDouble()).isEqualTo(4503);
      assertThat(doc.get("release").isNull()).isTrue();
    });
  }

  @Test
  void the_review_in_english_writes_its_sentences_in_english() throws Exception {
    serve(client -> {
      JsonNode doc = ok(client.get("/api/review?region=01&year=2024&lang=en"));
      List<String> sentences = new ArrayList<>();
      doc.get("headlines").forEach(h -> sentences.add(h.get("sentence").asText()));
      assertThat(sentences).contains(
          "In 2024, Hà Nội city built or repaired 158 houses for the people, up 1 (0.64 %) on 2023.");
    });
  }

  @Test
  void a_province_account_reviews_its_province_only_and_a_viewer_downloads_no_pack() throws Exception {
    serve(client -> {
      ApiHarness.Client hanoi = client.as(HANOI_VIEWER);
      assertThat(ok(hanoi.get("/api/review?year=2024")).at("/region/code").asText()).isEqualTo("01");
      assertThat(hanoi.get("/api/review?region=VN&year=2024").code()).isEqualTo(403);
      assertThat(hanoi.get("/api/review?region=79&year=2024").code()).isEqualTo(403);
      assertError(hanoi.get("/api/review/pack.pdf?year=2024"), 403, "this needs the analyst role");
      assertThat(client.as(HANOI_ANALYST).get("/api/review/pack.pdf?region=VN&year=2024").code()).isEqualTo(403);
      assertThat(client.anonymous().get("/api/review?year=2024").code()).isEqualTo(401);
    });
  }

  @Test
  void a_commune_an_unknown_release_or_a_missing_year_is_refused_with_the_reason() throws Exception {
    serve(client -> {
      assertError(client.get("/api/review?region=00004&year=2024"), 400, "region: a review is of the nation");
      assertError(client.get("/api/review?region=01&year=2024&release=nope"), 404, "release: no release named 'nope'");
      assertThat(client.get("/api/review?region=01").code()).isEqualTo(400);
      assertThat(client.get("/api/review?region=01&year=2024&lang=fr").code()).isEqualTo(400);
    });
  }

  @Test
  void an_analyst_downloads_the_pack_of_its_province_as_one_zip_and_the_audit_records_it() throws Exception {
    assumeThat(ReviewPack.printable()).as("Debian's chromium and chromium-driver").isTrue();
    serve(client -> {
      HttpResponse<byte[]> r = client.as(HANOI_ANALYST).download("/api/review/pack.zip?year=2024");
      assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"review-01-2024.zip\"");
      Map<String, byte[]> files = new TreeMap<>();
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          files.put(e.getName(), zip.readAllBytes());
        }
      }
      assertThat(files).containsKeys("review.pdf", "review.docx", "01-headlines.csv");
      try (PDDocument pdf = Loader.loadPDF(files.get("review.pdf"))) {
        assertThat(pdf.getDocumentInformation().getTitle()).contains("2024", "Thành phố Hà Nội");
        assertThat(new PDFTextStripper().getText(pdf)).contains("158"); // houses_supported, as /api/review says
      }
      String headlines = new String(files.get("01-headlines.csv"), StandardCharsets.UTF_8);
      assertThat(headlines).contains("158");
      assertThat(audit.events()).anySatisfy(e -> {
        assertThat(e.action()).isEqualTo(AuditEvent.Action.REVIEW_PACK);
        assertThat(e.login()).isEqualTo("hanoi.analyst");
        assertThat(e.target()).isEqualTo("review-01-2024.zip");
      });
    });
  }
}
