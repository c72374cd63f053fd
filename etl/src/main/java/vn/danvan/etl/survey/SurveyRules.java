package vn.danvan.etl.survey;

/**
 * The disclosure and precision rules the survey mart applies before anything can read it.
 *
 * @param minRespondents a cell answered by fewer respondents is suppressed (30, as many national
 *     statistics offices do)
 * @param maxRse an estimate whose relative standard error is at least this is flagged unreliable
 * @param confidence the level of every interval (0.95)
 * @param protectionLevel the share of its own value a withheld cell's range must keep after the
 *     disclosure audit (0.5; docs/surveys.md says why)
 */
public record SurveyRules(int minRespondents, double maxRse, double confidence, double protectionLevel)
    implements java.io.Serializable {
  public static final double DEFAULT_PROTECTION_LEVEL = 0.5;
  public static final SurveyRules DEFAULT = new SurveyRules(30, 0.30, 0.95, DEFAULT_PROTECTION_LEVEL);

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
    if (!(protectionLevel > 0 && protectionLevel <= 1)) {
      throw new IllegalArgumentException("protectionLevel must be in (0, 1], not " + protectionLevel);
    }
  }

  /** The rules with the default protection level. */
  public SurveyRules(int minRespondents, double maxRse, double confidence) {
    this(minRespondents, maxRse, confidence, DEFAULT_PROTECTION_LEVEL);
  }
}
