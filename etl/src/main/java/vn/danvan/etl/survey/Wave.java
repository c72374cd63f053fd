package vn.danvan.etl.survey;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A question as asked in one wave, with the wave's fieldwork (which orders a series and decides the
 * era of the region codes: a wave whose fieldwork starts on or after the reform uses the new units).
 *
 * @param options the allowed answers of a choice question, in the question's order (the defaults
 *     for likert5 and yes_no when none are given); empty for numeric questions
 */
public record Wave(String waveId, String title, LocalDate fieldworkStart, LocalDate fieldworkEnd,
    String questionId, String type, List<String> options, boolean newEra) implements java.io.Serializable {
  public static final List<String> LIKERT5 = List.of("1", "2", "3", "4", "5");
  public static final List<String> YES_NO = List.of("yes", "no");

  public Wave {
    Objects.requireNonNull(waveId, "waveId");
    Objects.requireNonNull(fieldworkStart, "fieldworkStart of " + waveId);
    Objects.requireNonNull(questionId, "questionId");
    Objects.requireNonNull(type, "type of " + waveId + "/" + questionId);
    options = List.copyOf(options);
  }

  /** The options of a question as the contract writes them: a semicolon list, possibly empty. */
  public static List<String> options(String type, String list) {
    List<String> given = list == null ? List.of() : java.util.Arrays.stream(list.split(";"))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (!given.isEmpty() || type == null) {
      return given;
    }
    return switch (type) {
      case "likert5" -> LIKERT5;
      case "yes_no" -> YES_NO;
      default -> List.of();
    };
  }

  public boolean numeric() {
    return type.equals("numeric");
  }
}
