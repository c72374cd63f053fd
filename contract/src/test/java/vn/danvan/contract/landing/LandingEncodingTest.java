package vn.danvan.contract.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingEncodingTest {
  @TempDir Path tmp;

  private Path write(String name, byte[] bom, String text, java.nio.charset.Charset charset) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bom);
    out.writeBytes(text.getBytes(charset));
    return Files.write(tmp.resolve(name), out.toByteArray());
  }

  @Test
  void excel_unicode_text_becomes_a_utf8_csv_copy_and_the_original_stays() throws Exception {
    Path file = write("campaign_targets.csv", new byte[] {(byte) 0xFF, (byte) 0xFE},
        "campaign_code\tregion_code\tnote\r\nDVK\t01\t\"Hà Nội, \"\"quý 1\"\"\"\r\n", StandardCharsets.UTF_16LE);
    byte[] before = Files.readAllBytes(file);
    assertThat(LandingEncoding.of(file)).isEqualTo(LandingEncoding.Encoding.UTF_16LE);
    Path copy = LandingEncoding.asUtf8(file, tmp.resolve("work"), "campaign_targets/a.csv");
    assertThat(copy).isEqualTo(tmp.resolve("work/campaign_targets/a.csv"));
    assertThat(Files.readString(copy, StandardCharsets.UTF_8))
        .isEqualTo("campaign_code,region_code,note\r\nDVK,01,\"Hà Nội, \"\"quý 1\"\"\"\r\n");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void big_endian_utf16_with_commas_is_only_decoded() throws Exception {
    Path file = write("x.csv", new byte[] {(byte) 0xFE, (byte) 0xFF}, "a,b\n1,Đà Nẵng\n", StandardCharsets.UTF_16BE);
    assertThat(LandingEncoding.contractText(file)).isEqualTo("a,b\n1,Đà Nẵng\n");
  }

  @Test
  void a_utf8_file_is_read_where_it_is() throws Exception {
    Path file = write("y.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a\tb\n", StandardCharsets.UTF_8);
    assertThat(LandingEncoding.of(file)).isEqualTo(LandingEncoding.Encoding.UTF_8);
    assertThat(LandingEncoding.asUtf8(file, tmp.resolve("work"), "y.csv")).isEqualTo(file);
    assertThat(tmp.resolve("work")).doesNotExist();
  }

  @Test
  void a_file_marked_utf16_that_is_not_is_refused_and_the_message_says_how_to_save_it() throws Exception {
    Path file = Files.write(tmp.resolve("z.csv"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xDC});
    assertThatThrownBy(() -> LandingEncoding.contractText(file)).isInstanceOf(CharacterCodingException.class);
    assertThat(LandingEncoding.SAVE_AS_UTF8).contains("CSV UTF-8");
  }
}
