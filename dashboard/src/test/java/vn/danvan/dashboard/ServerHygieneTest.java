package vn.danvan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.danvan.contract.Lake;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.RecordingAudit;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * What JavalinTest cannot send: requests Jetty refuses before the app (a URI it cannot decode or
 * too long, a body too large) and a foreign {@code Host}, written byte for byte to a real server
 * started as {@code serve --host 127.0.0.1 --host-name dashboard.example.vn} starts it.
 */
class ServerHygieneTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static DashboardServer server;

  @BeforeAll
  static void start() {
    TestLake lake = TestLake.in(tmp.resolve("lake")).regions("s1", 3).publish("s1");
    ServeCommand command = new ServeCommand(Map.of(), ServerHygieneTest::access);
    new CommandLine(command).parseArgs("--lake", lake.root().toString(), "--port", "0",
        "--host-name", "dashboard.example.vn", "--host-name", "10.1.2.3");
    server = command.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** An answer as read off the socket: status, headers by lower-case name, body. */
  record Raw(int status, Map<String, String> headers, String body) {
    String error() throws Exception {
      assertThat(headers.get("content-type")).as(body).startsWith("application/json");
      return JSON.readTree(body).get("error").asText();
    }

    void hasSecurityHeaders() {
      assertThat(headers.get("content-security-policy")).as(body).startsWith("default-src 'self';")
          .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
      assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
      assertThat(headers.get("referrer-policy")).isEqualTo("no-referrer");
      assertThat(headers.get("cache-control")).isEqualTo("private, no-store");
    }
  }

  private static Raw send(String requestLineAndHeaders, String body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((requestLineAndHeaders + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      try {
        in.transferTo(answer);
      } catch (java.net.SocketException e) {
        // the server may reset after answering a body it will not read
      }
      String text = answer.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      assertThat(end).as(text).isPositive();
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
            (a, b) -> a + ", " + b);
      }
      return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }
  }

  /** A GET as a national admin (by bearer token): only the hygiene may refuse it. */
  private static Raw get(String target, String host) throws Exception {
    return send("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
        + TestAccounts.ADMIN_TOKEN + "\r\n", "");
  }

  private static AccessControl access(Lake lake) {
    return AccessControl.of(TestAccounts.standard(), new RecordingAudit());
  }

  private static String local() {
    return "127.0.0.1:" + server.port();
  }

  @Test
  void a_uri_jetty_cannot_decode_is_a_json_400() throws Exception {
    Raw r = get("/api/%00", local());
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.error()).isNotBlank();
    r.hasSecurityHeaders();
  }

  @Test
  void a_uri_too_long_is_a_json_414() throws Exception {
    Raw r = get("/api/series?region=" + "01,".repeat(10_000), local());
    assertThat(r.status()).as(r.body()).isEqualTo(414);
    assertThat(r.error()).isNotBlank();
    r.hasSecurityHeaders();
  }

  @Test
  void a_body_larger_than_allowed_is_a_json_413_before_it_is_read() throws Exception {
    Raw r = send("POST /api/export/xlsx HTTP/1.1\r\nHost: " + local() + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + (DashboardApp.MAX_REQUEST_SIZE + 1) + "\r\n", "{\"columns\":");
    assertThat(r.status()).as(r.body()).isEqualTo(413);
    assertThat(r.error()).startsWith("body of 33554433 bytes is larger than");
    r.hasSecurityHeaders();
  }

  @Test
  void a_foreign_host_is_refused_with_421() throws Exception {
    for (String host : new String[] {"evil.example", "evil.example:" + server.port(), "localhost:1",
        "127.0.0.1.evil.example", "dashboard.example.vn.evil"}) {
      Raw r = get("/api/indicators", host);
      assertThat(r.status()).as(host).isEqualTo(421);
      assertThat(r.error()).as(host).startsWith("this server does not answer for Host '" + host + "'");
      r.hasSecurityHeaders();
    }
    Raw page = get("/", "evil.example");
    assertThat(page.status()).isEqualTo(421);
    assertThat(page.body()).doesNotContain("<html");
    // HTTP/1.0 without a Host at all
    assertThat(send("GET /api/indicators HTTP/1.0\r\n", "").status()).isEqualTo(421);
  }

  @Test
  void the_bound_address_localhost_and_the_host_names_are_accepted_with_or_without_the_port() throws Exception {
    int port = server.port();
    for (String host : new String[] {"127.0.0.1", "127.0.0.1:" + port, "localhost", "localhost:" + port,
        "LOCALHOST:" + port, "dashboard.example.vn", "dashboard.example.vn:" + port, "10.1.2.3:" + port}) {
      assertThat(get("/api/indicators", host).status()).as(host).isEqualTo(200);
    }
    assertThat(get("/", "localhost:" + port).status()).isEqualTo(200);
  }

  @Test
  void a_host_name_that_is_no_name_is_refused_at_start() {
    ServeCommand command = new ServeCommand(Map.of(), ServerHygieneTest::access);
    new CommandLine(command).parseArgs("--lake", tmp.resolve("lake").toString(), "--port", "0",
        "--host-name", "http://x/");
    assertThatThrownBy(command::start).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--host-name").hasMessageContaining("http://x/");
  }
}
