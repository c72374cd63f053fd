package vn.danvan.dashboard.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Table;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.intake.SubmissionWatcher;
import vn.danvan.dashboard.ApiHarness;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.Account;
import vn.danvan.dashboard.access.RecordingAudit;
import vn.danvan.dashboard.access.Role;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.dashboard.pages.PageFixture;
import vn.danvan.warehouse.intake.Template;
import vn.danvan.warehouse.query.RegionScope;

/**
 * The intake over the pages' lake (Hà Nội 01 with the old communes 00004 and 00008 and the new
 * ones 00004, 00008, 00025), for a reporter of Hà Nội: its template, the dry run of a filled one,
 * refusals (a phone column, a row of another province), sending and the audit trail.
 */
class IntakeApiTest {
  static final String REPORTER = "reporter.hn";
  static final String TOKEN = "reporter-token-0123456789abcdef";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String HEADER = String.join(",", Table.REPORT_VALUES.columnNames());

  @TempDir
  Path tmp;

  interface Calls {
    void run(ApiHarness.Client client, RecordingAudit audit) throws Exception;
  }

  void serve(Calls calls) throws Exception {
    RecordingAudit audit = new RecordingAudit();
    TestAccounts accounts = TestAccounts.standard()
        .add(new Account(REPORTER, Role.REPORTER, new RegionScope("01"), false, false), TestAccounts.PASSWORD, TOKEN);
    ApiHarness.serve(PageFixture.write(tmp.resolve("lake")), AccessControl.of(accounts, audit),
        client -> calls.run(client.as(TOKEN), audit));
  }

  static byte[] template(ApiHarness.Client client, String table) throws Exception {
    HttpResponse<byte[]> response = Uploads.get(client.http().getOrigin(), "/api/intake/template?table=" + table,
        client.token());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(Template.MEDIA_TYPE);
    return response.body();
  }

  static JsonNode check(ApiHarness.Client client, Map<String, byte[]> files) throws Exception {
    HttpResponse<String> r = Uploads.post(client.http().getOrigin(), "/api/intake/check", client.token(), files, Map.of());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static List<String> column(Sheet sheet, int c) {
    List<String> out = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      if (row != null && row.getCell(c) != null && !row.getCell(c).getStringCellValue().isEmpty()) {
        out.add(row.getCell(c).getStringCellValue());
      }
    }
    return out;
  }

  @Test
  void a_template_has_the_contract_header_the_lists_and_the_scopes_regions() throws Exception {
    serve((client, audit) -> {
      try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(template(client, "report_values")))) {
        Sheet data = book.getSheetAt(0);
        List<String> header = new ArrayList<>();
        data.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
        assertThat(header).isEqualTo(Table.REPORT_VALUES.columnNames());
        assertThat(data.getDataValidations()).extracting(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn(),
                v -> v.getValidationConstraint().getFormula1())
            .containsExactlyInAnyOrder(tuple(1, "danh_muc!$A$2:$A$4"), tuple(5, "danh_muc!$C$2:$C$" + 
                (1 + ApiHarness.CATALOGUE.landing().size())), tuple(4, "danh_muc!$E$2:$E$12"));
        assertThat(data.getDataValidations()).allMatch(DataValidation::getShowErrorBox);
        assertThat(data.getColumnStyle(2).getDataFormatString()).isEqualTo("yyyy-mm-dd");
        assertThat(data.getColumnStyle(1).getDataFormatString()).as("codes stay text: 01, 00004").isEqualTo("@");
        Sheet lists = book.getSheet(Template.LISTS_SHEET);
        assertThat(column(lists, 0)).as("the units of Hà Nội (01) the snapshot knows")
            .containsExactly("00004", "00008", "01");
        assertThat(column(lists, 1)).anyMatch(n -> n.startsWith("Phường Phúc Xá"));
        assertThat(column(lists, 2)).contains("models_new", "gifts").doesNotContain("papi_total");
        assertThat(column(lists, 3)).hasSameSizeAs(column(lists, 2));
        assertThat(column(lists, 4)).contains("mobilization_board", "police");
        Sheet guide = book.getSheet(Template.GUIDE_SHEET);
        assertThat(column(guide, 0)).containsAll(Table.REPORT_VALUES.columnNames());
      }
      assertThat(audit.events()).extracting(AuditEvent::action).contains(AuditEvent.Action.TEMPLATE);
    });
  }

  @Test
  void a_filled_template_passes_the_dry_run_and_is_sent_as_a_submission() throws Exception {
    serve((client, audit) -> {
      byte[] filled = Uploads.filled(template(client, "report_values"), List.of(
          List.of("BC-01-001", "00004", "2024-01-01", "2024-06-30", "mobilization_board", "models_new", "", 12,
              "BC 1/2024"),
          List.of("BC-01-002", "01", "2025-07-01", "2025-09-30", "police", "gifts", "", 300, "")));
      JsonNode answer = check(client, Map.of("bao-cao.xlsx", filled));
      assertThat(answer.path("problems").asInt()).as(answer.toString()).isZero();
      assertThat(answer.path("files").get(0).path("table").asText()).isEqualTo("report_values");
      assertThat(answer.path("files").get(0).path("rows").asInt()).isEqualTo(2);
      assertThat(answer.path("sendable").asBoolean()).isTrue();

      HttpResponse<String> sent = Uploads.post(client.http().getOrigin(), "/api/intake/submit", client.token(),
          Map.of("bao-cao.xlsx", filled), Map.of());
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
      JsonNode submission = JSON.readTree(sent.body());
      assertThat(submission.path("state").asText()).isEqualTo("pending");
      assertThat(submission.path("files").get(0).asText()).isEqualTo("report_values-bao-cao.xlsx");
      JsonNode mine = ApiHarness.ok(client.get("/api/intake/submissions")).path("submissions");
      assertThat(mine).hasSize(1);
      assertThat(mine.get(0).path("submitter").asText()).isEqualTo(REPORTER);
      assertThat(ApiHarness.ok(client.as(TestAccounts.ADMIN_TOKEN).get("/api/intake/submissions"))
          .path("submissions")).hasSize(1);
      assertThat(audit.events()).extracting(AuditEvent::action).contains(AuditEvent.Action.UPLOAD,
          AuditEvent.Action.DRY_RUN, AuditEvent.Action.SUBMISSION);
    });
  }

  @Test
  void rejects_file_with_phone_column_whole_and_refuses_to_send_it() throws Exception {
    serve((client, audit) -> {
      byte[] csv = (HEADER + ",phone\nBC-1,01,2024-01-01,2024-06-30,police,gifts,,3,,0912345678\n")
          .getBytes(StandardCharsets.UTF_8);
      JsonNode answer = check(client, Map.of("nguoi-dan.csv", csv));
      assertThat(answer.path("refused").asBoolean()).isTrue();
      assertThat(answer.path("sendable").asBoolean()).isFalse();
      assertThat(answer.path("files").get(0).path("refusal").path("check").asText()).isEqualTo("personal_data:phone");
      assertThat(answer.path("files").get(0).path("refusal").path("reason").asText()).contains("số điện thoại");
      HttpResponse<String> sent = Uploads.post(client.http().getOrigin(), "/api/intake/submit", client.token(),
          Map.of("nguoi-dan.csv", csv), Map.of("accept", "true"));
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(400);
      assertThat(ApiHarness.ok(client.get("/api/intake/submissions")).path("submissions")).isEmpty();
    });
  }

  @Test
  void a_row_for_a_unit_outside_the_scope_is_refused_even_when_problems_are_accepted() throws Exception {
    serve((client, audit) -> {
      byte[] csv = (HEADER + "\nBC-1,01,2024-01-01,2024-06-30,police,gifts,,3,\n"
          + "BC-2,04,2024-01-01,2024-06-30,police,gifts,,3,\n").getBytes(StandardCharsets.UTF_8);
      JsonNode problems = check(client, Map.of("h1.csv", csv)).path("files").get(0).path("problems");
      assertThat(problems).hasSize(1);
      assertThat(problems.get(0).path("row").asInt()).isEqualTo(3);
      assertThat(problems.get(0).path("code").asText()).isEqualTo("outside_scope");
      assertThat(problems.get(0).path("reason").asText()).contains("phạm vi");
      HttpResponse<String> sent = Uploads.post(client.http().getOrigin(), "/api/intake/submit", client.token(),
          Map.of("h1.csv", csv), Map.of("accept", "true"));
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(400);
    });
  }

  /**
   * "Load the pending submissions" starts nothing while a watcher runs on the lake (it loads them as
   * they arrive): 409 naming it. Without one, this server (not started by bin/danvan) says what to
   * run instead.
   */
  @Test
  void an_admin_starts_no_load_while_a_watcher_runs_on_the_lake() throws Exception {
    serve((client, audit) -> {
      ApiHarness.Client admin = client.as(TestAccounts.ADMIN_TOKEN);
      Lake lake = Lake.at(tmp.resolve("lake"));
      try (SubmissionWatcher watcher = SubmissionWatcher.mark(lake,
          new SubmissionWatcher.Running(4242, Instant.parse("2026-12-06T07:00:00Z")))) {
        HttpResponse<byte[]> r = admin.post("/api/intake/load", "{}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("a load --submissions --watch (pid 4242,"
            + " since 2026-12-06T07:00:00Z) loads the submissions of this lake as they arrive; no load was started");
        // the list tells an admin (only) before any button is pressed
        JsonNode running = ApiHarness.ok(admin.get("/api/intake/submissions")).get("watcher");
        assertThat(running.get("pid").asLong()).isEqualTo(4242);
        assertThat(running.get("since").asText()).isEqualTo("2026-12-06T07:00:00Z");
        assertThat(ApiHarness.ok(client.get("/api/intake/submissions")).has("watcher")).as("a reporter").isFalse();
      }
      assertThat(ApiHarness.ok(admin.get("/api/intake/submissions")).has("watcher")).isFalse();
      HttpResponse<byte[]> r = admin.post("/api/intake/load", "{}");
      assertThat(r.statusCode()).isEqualTo(503);
      JsonNode unavailable = JSON.readTree(r.body());
      assertThat(unavailable.get("error").asText())
          .startsWith("this server cannot start a load itself").contains("load --submissions --lake");
      assertThat(unavailable.get("code").asText()).isEqualTo("unavailable");
      assertThat(client.post("/api/intake/load", "{}").statusCode()).isEqualTo(403);
    });
  }

  @Test
  void viewers_and_analysts_may_not_upload() throws Exception {
    serve((client, audit) -> {
      HttpResponse<String> r = Uploads.post(client.http().getOrigin(), "/api/intake/check", TestAccounts.VIEWER_TOKEN,
          Map.of("x.csv", (HEADER + "\n").getBytes(StandardCharsets.UTF_8)), Map.of());
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(client.as(TestAccounts.VIEWER_TOKEN).get("/api/intake/template?table=models").code()).isEqualTo(403);
    });
  }
}
