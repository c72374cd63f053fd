package vn.danvan.contract.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import vn.danvan.contract.audit.AuditEvent.Action;

/**
 * One event as one line of the trail and back: a JSON object with the fields in a fixed order
 * (time, login, role, scope, address, action, target, outcome, rows), nulls written as null, the
 * time in UTC to the millisecond, ending in {@code \n}.
 */
public final class AuditLines {
  /** The fields of a line, in the order they are written. */
  public static final List<String> FIELDS =
      List.of("time", "login", "role", "scope", "address", "action", "target", "outcome", "rows");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditLines() {}

  /** The event's line in UTF-8, newline included: what one write appends. */
  public static byte[] format(AuditEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", time(event.time()));
      json.writeStringField("login", event.login());
      json.writeStringField("role", event.role());
      json.writeStringField("scope", event.scope());
      json.writeStringField("address", event.address());
      json.writeStringField("action", event.action().code());
      json.writeStringField("target", event.target());
      json.writeStringField("outcome", event.outcome());
      if (event.rows() == null) {
        json.writeNullField("rows");
      } else {
        json.writeNumberField("rows", event.rows());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** An instant as the trail writes it: {@code 2026-12-03T12:55:00.123Z}. */
  public static String time(Instant instant) {
    return TIME.format(instant);
  }

  /**
   * The event a line holds (without its newline).
   *
   * @throws IllegalArgumentException when the line is not a whole event, e.g. torn by a power loss
   */
  public static AuditEvent parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    try {
      JsonNode rows = node.path("rows");
      return new AuditEvent(Instant.parse(required(node, "time")), text(node, "login"), text(node, "role"),
          text(node, "scope"), required(node, "address"), action(required(node, "action")),
          text(node, "target"), required(node, "outcome"), rows.isIntegralNumber() ? rows.asLong() : null);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The action whose {@link Action#code() code} this is. */
  public static Action action(String code) {
    for (Action a : Action.values()) {
      if (a.code().equals(code)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown action '" + code + "'");
  }

  private static String required(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      throw new IllegalArgumentException("no " + field);
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
