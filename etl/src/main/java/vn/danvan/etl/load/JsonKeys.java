package vn.danvan.etl.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import vn.danvan.contract.landing.LandingEncoding;
/**
 * The "header" of a JSON Lines file: the union of the top-level keys of all its lines. A
 * personal-data key on line 3,000,000 must refuse the file as surely as one on line 1, so every
 * line is looked at; a streaming parser walks only the top-level keys and skips the values, which
 * is much cheaper than a Spark job over the same bytes. A line that is not a JSON object adds no
 * key (the load quarantines it as malformed).
 */
final class JsonKeys {
  private JsonKeys() {}

  private static final JsonFactory JSON = new JsonFactory();

  static List<String> of(Path file) throws IOException {
    TreeSet<String> keys = new TreeSet<>();
    // malformed bytes become U+FFFD instead of failing: such a line is quarantined, not refused
    // (a UTF-16 file, which the load reads as its UTF-8 copy, is decoded by its byte-order mark)
    try (BufferedReader reader = LandingEncoding.of(file) != LandingEncoding.Encoding.UTF_8
        ? new BufferedReader(LandingEncoding.reader(file))
        : new BufferedReader(new java.io.InputStreamReader(
        Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16)) {
      for (String line; (line = reader.readLine()) != null; ) {
        line = keys.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (!line.isBlank()) {
          addKeys(line, keys);
        }
      }
    }
    return new ArrayList<>(keys);
  }

  private static void addKeys(String line, TreeSet<String> keys) throws IOException {
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
        keys.add(parser.currentName());
        parser.nextToken();
        parser.skipChildren();
      }
    } catch (JsonProcessingException broken) {
      // keys read before the break still count: a broken line may still carry a personal field
    }
  }
}
