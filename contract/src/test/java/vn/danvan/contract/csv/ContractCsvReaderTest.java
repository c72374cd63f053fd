package vn.danvan.contract.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.csv.ContractCsvReader.Row;

class ContractCsvReaderTest {
  @TempDir Path tmp;

  private Path file(String name, byte[] bytes) throws IOException {
    Path f = tmp.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code prefix}, then a byte that can start no UTF-8 sequence, then {@code suffix}. */
  private static byte[] withBadByte(String prefix, String suffix) {
    byte[] a = utf8(prefix);
    byte[] b = utf8(suffix);
    byte[] out = new byte[a.length + 1 + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    out[a.length] = (byte) 0xFF;
    System.arraycopy(b, 0, out, a.length + 1, b.length);
    return out;
  }

  @Test
  void a_leading_bom_is_dropped_and_only_a_leading_one() {
    List<Row> rows = ContractCsvReader.parse("\uFEFFcode,name\nx,\uFEFFy\n", "t.csv");
    assertThat(rows).containsExactly(
        new Row(1, List.of("code", "name")), new Row(2, List.of("x", "\uFEFFy")));
  }

  @Test
  void crlf_and_lf_line_ends_both_end_a_record_and_a_last_line_needs_none() {
    assertThat(ContractCsvReader.parse("a,b\r\n1,2\n3,4", "t.csv")).extracting(Row::fields)
        .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
  }

  @Test
  void quoted_fields_hold_commas_line_breaks_and_doubled_quotes() {
    List<Row> rows = ContractCsvReader.parse(
        "code,name\r\ngifts,\"Quà, \"\"tặng\"\"\"\r\nnote,\"one\r\ntwo\nthree\"\r\nlast,\"\"\r\n", "t.csv");
    assertThat(rows).containsExactly(
        new Row(1, List.of("code", "name")),
        new Row(2, List.of("gifts", "Quà, \"tặng\"")),
        new Row(3, List.of("note", "one\r\ntwo\nthree")),
        new Row(6, List.of("last", "")));
  }

  @Test
  void empty_fields_are_empty_strings_and_blank_lines_are_skipped_keeping_line_numbers() {
    assertThat(ContractCsvReader.parse("a,b,c\n\n1,,\n\r\n,2,\n\n", "t.csv")).containsExactly(
        new Row(1, List.of("a", "b", "c")), new Row(3, List.of("1", "", "")),
        new Row(5, List.of("", "2", "")));
    assertThat(ContractCsvReader.parse("", "t.csv")).isEmpty();
    assertThat(ContractCsvReader.parse("\uFEFF", "t.csv")).isEmpty();
  }

  @Test
  void a_quote_inside_an_unquoted_field_is_kept_as_a_character() {
    assertThat(ContractCsvReader.parse("a,b\n5\" screen,x\n", "t.csv").get(1).fields())
        .containsExactly("5\" screen", "x");
  }

  @Test
  void a_stray_quote_in_a_quoted_field_is_refused_naming_its_line() {
    assertThatThrownBy(() -> ContractCsvReader.parse(
        "code,name\ngifts,Quà\nmodels,\"Mô hình \"Dân vận khéo\" mới\"\n", "s.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("s.csv line 3: stray quote in a field");
    assertThatThrownBy(() -> ContractCsvReader.parse("a,b\n1,\"two\nlines\"x\n", "s.csv"))
        .hasMessageStartingWith("s.csv line 3: stray quote in a field");
  }

  @Test
  void an_unterminated_quote_is_refused_naming_the_line_its_record_starts_on() {
    assertThatThrownBy(() -> ContractCsvReader.parse("a,b\n1,2\nx,\"never closed\n3,4\n", "q.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("q.csv line 3: unterminated quoted field");
  }

  @Test
  void rows_are_immutable() {
    List<Row> rows = ContractCsvReader.parse("a,b\n", "t.csv");
    assertThatThrownBy(() -> rows.get(0).fields().set(0, "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> rows.add(rows.get(0))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void a_file_is_read_as_utf8_and_named_in_errors() throws Exception {
    Path f = file("regions.csv", utf8("\uFEFFcode,name\r\n01,\"Hà Nội, thủ đô\"\r\n"));
    assertThat(ContractCsvReader.read(f)).extracting(Row::fields)
        .containsExactly(List.of("code", "name"), List.of("01", "Hà Nội, thủ đô"));
    Path broken = file("broken.csv", utf8("code,name\n01,\"Hà Nội\n"));
    assertThatThrownBy(() -> ContractCsvReader.read(broken))
        .hasMessage(broken + " line 2: unterminated quoted field");
    Path latin1 = file("latin1.csv", withBadByte("code,name\n01,H", " Noi\n"));
    assertThatThrownBy(() -> ContractCsvReader.read(latin1))
        .isInstanceOf(CharacterCodingException.class);
  }

  @Test
  void the_header_of_a_file_is_its_first_record_without_the_bom() throws Exception {
    Path f = file("a.csv", utf8("\uFEFF\"report_id\",\"na,me\",value\r\nR1,\"x\ny\",1\r\n"));
    assertThat(ContractCsvReader.header(f)).containsExactly("report_id", "na,me", "value");
    assertThat(ContractCsvReader.header(file("bom.csv", utf8("\uFEFF")))).isEmpty();
  }

  @Test
  void the_header_is_checked_as_utf8_and_the_rows_after_it_are_not_read() throws Exception {
    Path badHeader = file("h.csv", withBadByte("code,n", "ame\n01,x\n"));
    assertThatThrownBy(() -> ContractCsvReader.header(badHeader))
        .isInstanceOf(CharacterCodingException.class);
    Path badRow = file("r.csv", withBadByte("code,name\n01,H", " Noi\n02,\"open\n"));
    assertThat(ContractCsvReader.header(badRow)).containsExactly("code", "name");
  }

  @Test
  void a_header_with_an_unterminated_quote_is_refused_naming_the_file_and_line() throws Exception {
    Path f = file("u.csv", utf8("code,\"name\n01,x\n"));
    assertThatThrownBy(() -> ContractCsvReader.header(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(f + " line 1: unterminated quoted field");
  }
}
