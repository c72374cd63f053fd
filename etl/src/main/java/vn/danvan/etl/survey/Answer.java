package vn.danvan.etl.survey;

import java.util.Objects;
import vn.danvan.contract.Stratum;

/**
 * One landed response as the survey mart reads it: the question it answers, where and who (coarse
 * strata only), the weight and the answer. Nothing else about a respondent is read.
 *
 * @param wave the wave and question answered
 * @param stratum age group, sex and residence, each null when not given
 */
public record Answer(Wave wave, String regionCode, String ageGroup, String sex, String residence,
    double weight, String answer) {
  public Answer {
    Objects.requireNonNull(wave, "wave");
    Objects.requireNonNull(regionCode, "regionCode");
    if (!(weight > 0)) {
      throw new IllegalArgumentException("weight must be > 0, not " + weight);
    }
  }

  /** The value of a stratum dimension; {@link Stratum#UNKNOWN} when the respondent did not give it. */
  String stratum(Stratum by) {
    String v = switch (by) {
      case TOTAL -> null;
      case AGE_GROUP -> ageGroup;
      case SEX -> sex;
      case RESIDENCE -> residence;
    };
    return by == Stratum.TOTAL ? null : v == null || v.isBlank() ? Stratum.UNKNOWN : v;
  }
}
