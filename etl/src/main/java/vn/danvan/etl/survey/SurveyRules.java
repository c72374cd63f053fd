package vn.danvan.etl.survey;

/**
 * The disclosure and precision rules the survey mart applies before anything can read it.
 *
 * @param minRespondents a cell answered by fewer respondents is suppressed (30, as many national
 *     statistics offices do)
 * @param maxRse an estimate whose relative standard error is at least this is flagged unreliable
 * @param confidence the level of every interval (0.95)
 */
public record SurveyRules(int minRespondents, double maxRse, double confidence)
    implements java.io.Serializable {
  public static final SurveyRules DEFAULT = new SurveyRules(30, 0.30, 0.95);

  public SurveyRules {
    if (minRespondents < 1) {
      throw new IllegalArgumentException("minRespondents must be >= 1, not " + minRespondents);
    }
    if (!(maxRse > 0)) {
      throw new IllegalArgumentException("maxRse must be > 0, not " + maxRse);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), not " + confidence);
    }
  }
}
