package vn.danvan.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.Account;
import vn.danvan.dashboard.access.Role;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.testlake.TestLake;

/** {@code POST /api/export/csv} and the trail's line for every download. */
class CsvExportTest {
  private static final String TABLE = "{\"title\":\"Nhà được xây/sửa 2020\",\"source\":\"report_values\","
      + "\"snapshot\":\"S1\",\"page\":\"/map.html?year=2020\",\"columns\":[\"Mã\",\"Tên\",\"Giá trị\"],"
      + "\"rows\":[[\"01\",\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\",-3],[\"79\",\"Thành phố Hồ Chí Minh\",-1.5],"
      + "[\"02\",\"@SUM(A1)\",null],[\"04\",\"+1+2\",12345678.9],[\"06\",\"-2+A1\",\"-3\"],[\"08\",\"\\tx\",1e21]]}";

  private static final String LAN_TOKEN = "lan-token-0123456789abcdef";

  @TempDir Path tmp;

  @Test
  void csv_is_utf8_with_a_bom_and_formula_text_opens_as_text_while_numbers_stay_numbers() throws Exception {
    List<AuditEvent> recorded = new ArrayList<>();
    ApiHarness.serve(TestLake.in(tmp.resolve("lake")), AccessControl.of(TestAccounts.standard(), recorded::add),
        client -> {
      HttpResponse<byte[]> r = client.post("/api/export/csv", TABLE);
      assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase("text/csv; charset=utf-8");
      assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
          .startsWith("attachment; ").contains("filename*=UTF-8''Nh%C3%A0-%C4%91%C6%B0%E1%BB%A3c-x%C3%A2y-s%E1%BB%ADa-2020.csv");
      byte[] body = r.body();
      assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
      String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
      assertThat(text).isEqualTo("Mã,Tên,Giá trị\r\n"
          + "01,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3\r\n"
          + "79,Thành phố Hồ Chí Minh,-1.5\r\n"
          + "02,'@SUM(A1),\r\n"
          + "04,'+1+2,12345678.9\r\n"
          + "06,'-2+A1,-3\r\n"
          + "08,'\tx,1000000000000000000000\r\n");
      List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
      assertThat(rows.get(1).get(1)).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
      assertThat(rows.get(1).get(2)).isEqualTo("-3");
      assertThat(rows.get(2).get(1)).isEqualTo("Thành phố Hồ Chí Minh");
    });
    assertThat(recorded).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo(Action.DOWNLOAD);
      assertThat(e.rows()).isEqualTo(6L);
      assertThat(e.target()).isEqualTo("csv: Nhà được xây/sửa 2020 (/map.html?year=2020)");
      assertThat(e.outcome()).isEqualTo("ok");
      assertThat(e.address()).isEqualTo("127.0.0.1");
      assertThat(e.login()).isEqualTo(TestAccounts.ADMIN);
      assertThat(e.time()).isBetween(Instant.now().minusSeconds(60), Instant.now());
    });
  }

  @Test
  void both_exports_record_the_caller_and_the_rows_and_a_refused_body_records_nothing() throws Exception {
    List<AuditEvent> recorded = new ArrayList<>();
    TestAccounts accounts = TestAccounts.standard().add(new Account("lan", Role.ANALYST, new RegionScope("01"),
        false, false), TestAccounts.PASSWORD, LAN_TOKEN);
    ApiHarness.serve(TestLake.in(tmp.resolve("lake")), AccessControl.of(accounts, recorded::add), admin -> {
      ApiHarness.Client client = admin.as(LAN_TOKEN);
      assertThat(client.post("/api/export/xlsx", TABLE).statusCode()).isEqualTo(200);
      assertThat(client.post("/api/export/csv", "{\"title\":\"T\",\"columns\":[\"a\"],\"rows\":[[1],[2]]}")
          .statusCode()).isEqualTo(200);
      assertThat(client.post("/api/export/csv", "{\"columns\":[\"a\",\"b\"],\"rows\":[[1]]}").statusCode())
          .isEqualTo(400);
    });
    assertThat(recorded).extracting(AuditEvent::login, AuditEvent::role, AuditEvent::scope, AuditEvent::address,
        AuditEvent::target, AuditEvent::rows).containsExactly(
        org.assertj.core.groups.Tuple.tuple("lan", "analyst", "01", "127.0.0.1",
            "xlsx: Nhà được xây/sửa 2020 (/map.html?year=2020)", 6L),
        org.assertj.core.groups.Tuple.tuple("lan", "analyst", "01", "127.0.0.1", "csv: T", 2L));
  }

  @Test
  void a_download_the_trail_cannot_record_is_not_handed_out() throws Exception {
    ApiHarness.serve(TestLake.in(tmp.resolve("lake")), AccessControl.of(TestAccounts.standard(), event -> {
      throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
    }), client -> {
      HttpResponse<byte[]> r = client.post("/api/export/csv", TABLE);
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("HYPERLINK").contains("error");
    });
  }
}
