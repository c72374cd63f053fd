package vn.danvan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.RecordingAudit;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.warehouse.testlake.TestLake;

class ServeCommandTest {
  @TempDir Path tmp;

  private static ServeCommand parse(Map<String, String> env, String... args) {
    ServeCommand command = new ServeCommand(env, lake -> AccessControl.of(TestAccounts.standard(), new RecordingAudit()));
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void listens_on_loopback_port_7070_by_default() {
    ServeCommand command = parse(Map.of());
    assertThat(command.host).isEqualTo("127.0.0.1");
    assertThat(command.port).isEqualTo(7070);
    assertThat(command.refreshSeconds).isEqualTo(5);
    assertThat(command.sessionIdleMinutes).isEqualTo(30);
  }

  @Test
  void the_lake_is_the_option_else_danvan_lake_else_data_lake() {
    assertThat(parse(Map.of()).lakeDir()).isEqualTo(Path.of("data", "lake"));
    assertThat(parse(Map.of("DANVAN_LAKE", "/srv/lake")).lakeDir()).isEqualTo(Path.of("/srv/lake"));
    assertThat(parse(Map.of("DANVAN_LAKE", "/srv/lake"), "--lake", "/tmp/l").lakeDir())
        .isEqualTo(Path.of("/tmp/l"));
  }

  @Test
  void serves_health_until_closed() throws Exception {
    TestLake lake = TestLake.in(tmp).regions("s1", 5).publish("s1");
    ServeCommand command = parse(Map.of(), "--lake", lake.root().toString(), "--port", "0");
    HttpClient http = HttpClient.newHttpClient();
    URI health;
    try (DashboardServer server = command.start()) {
      assertThat(server.url()).startsWith("http://127.0.0.1:").endsWith(server.port() + "/");
      health = URI.create(server.url() + "health");
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
          .header("Authorization", "Bearer " + TestAccounts.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"snapshot\":\"s1\"").contains("\"regions\":5");
    }
    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(health).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
  }

  @Test
  void main_offers_serve_with_its_options() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine().setOut(new PrintWriter(out));
    assertThat(cli.execute("serve", "--help")).isZero();
    assertThat(out.toString()).contains("--lake=DIR").contains("DANVAN_LAKE")
        .contains("--port").contains("--host");

    StringWriter err = new StringWriter();
    assertThat(Main.commandLine().setErr(new PrintWriter(err)).execute()).isEqualTo(2);
    assertThat(err.toString()).contains("missing command: serve");
  }

  @Test
  void session_idle_is_an_option_in_minutes_within_the_session_lifetime() {
    assertThat(parse(Map.of(), "--session-idle", "45").sessionIdleMinutes).isEqualTo(45);
    assertThatThrownBy(() -> parse(Map.of(), "--lake", tmp.toString(), "--session-idle", "0").start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--session-idle").hasMessageContaining("0");
    StringWriter out = new StringWriter();
    Main.commandLine().setOut(new PrintWriter(out)).execute("serve", "--help");
    assertThat(out.toString()).contains("--session-idle=MINUTES");
  }

  @Test
  void a_port_out_of_range_is_refused_before_starting() {
    assertThatThrownBy(() -> parse(Map.of(), "--lake", tmp.toString(), "--port", "70000").start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
  }
}
