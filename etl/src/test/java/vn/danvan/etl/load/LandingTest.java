package vn.danvan.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Table;

/** The scan of a landing folder's CSV files, before Spark reads any of them (no Spark here). */
class LandingTest {
  static final String CAMPAIGNS = "campaign_code,name,movement,start_date,end_date,owner_unit";

  @TempDir Path tmp;

  /** The bytes of {@code before}, one byte that is not UTF-8, then {@code after}. */
  private static void writeWithBadByte(Path file, String before, String after) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.write(0xFF);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(file.getParent());
    Files.write(file, out.toByteArray());
  }

  @Test
  void a_csv_header_is_read_without_its_bom_and_quotes() {
    Path root = new TestLanding(tmp)
        .text("population", "p.csv", "\uFEFF\"region_code\",year,population\r\n01,2024,8500000\r\n")
        .root();
    LandingFile file = Landing.scan(root).files(Table.POPULATION).get(0);
    assertThat(file.header()).containsExactly("region_code", "year", "population");
    assertThat(file.multiLine()).isFalse();
  }

  @Test
  void only_a_file_whose_quoted_value_spans_lines_is_read_as_a_whole() {
    Path root = new TestLanding(tmp)
        .csv("campaigns", "a.csv", CAMPAIGNS,
            "DVK,\"Dân vận \"\"khéo\"\", 2024\",x,2009-01-01,,mobilization_board")
        .csv("campaigns", "b.csv", CAMPAIGNS,
            "DVK,\"Dân vận\nkhéo\",x,2009-01-01,,mobilization_board")
        .root();
    assertThat(Landing.scan(root).files(Table.CAMPAIGNS)).extracting(LandingFile::multiLine)
        .containsExactly(false, true);
  }

  @Test
  void a_header_that_is_not_utf8_is_refused_but_a_row_that_is_not_is_left_to_the_load()
      throws Exception {
    Path badRow = tmp.resolve("row");
    writeWithBadByte(badRow.resolve("population/p.csv"), "region_code,year,population\n01,20", "24,1\n");
    assertThat(Landing.scan(badRow).files(Table.POPULATION).get(0).header())
        .containsExactly("region_code", "year", "population");

    Path badHeader = tmp.resolve("header");
    writeWithBadByte(badHeader.resolve("population/p.csv"), "region_code,ye", "ar,population\n");
    assertThatThrownBy(() -> Landing.scan(badHeader)).isInstanceOf(LoadRefusedException.class)
        .hasMessageStartingWith("refused " + badHeader.resolve("population/p.csv")
            + ": the header line is not UTF-8 text; nothing of this load was written")
        .hasMessageContaining("CSV UTF-8");
  }

  @Test
  void a_header_with_an_unterminated_quote_is_refused_naming_the_file_and_line() {
    Path root = new TestLanding(tmp).csv("population", "p.csv", "region_code,\"year,population",
        "01,2024,8500000").root();
    assertThatThrownBy(() -> Landing.scan(root)).isInstanceOf(LoadRefusedException.class)
        .hasMessageContaining(root.resolve("population/p.csv") + " line 1: unterminated quoted field")
        .hasMessageContaining("nothing of this load was written");
  }

  @Test
  void a_utf16_file_is_scanned_by_its_text_and_read_from_a_utf8_copy_the_original_unchanged() throws Exception {
    Path root = new TestLanding(tmp.resolve("utf16"))
        .unicodeText("population", "p.csv", "region_code\tyear\tpopulation", "01\t2024\t\"8500000\"")
        .root();
    byte[] original = Files.readAllBytes(root.resolve("population/p.csv"));
    Landing landing = Landing.scan(root);
    assertThat(landing.files(Table.POPULATION).get(0).header()).containsExactly("region_code", "year", "population");
    LandingFile copy = landing.inUtf8(tmp.resolve("work")).files(Table.POPULATION).get(0);
    assertThat(copy.path()).isEqualTo(tmp.resolve("work/population/p.csv"));
    assertThat(copy.relative()).isEqualTo("population/p.csv");
    assertThat(Files.readString(copy.path(), StandardCharsets.UTF_8))
        .isEqualTo("region_code,year,population\r\n01,2024,8500000\r\n");
    assertThat(Files.readAllBytes(root.resolve("population/p.csv"))).isEqualTo(original);
  }
}
