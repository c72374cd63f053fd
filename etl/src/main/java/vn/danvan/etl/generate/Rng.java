package vn.danvan.etl.generate;

import java.util.SplittableRandom;

/**
 * The few distributions the generator draws from, over a caller's {@link SplittableRandom}. Every
 * stream of numbers is seeded from the arguments only ({@link #seed}), never from the clock, so the
 * same arguments give the same files on every machine and thread schedule.
 */
final class Rng {
  private Rng() {}

  /** A seed for one partition of the work: the user's seed mixed with the partition's identity. */
  static long seed(long seed, Object... parts) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (Object part : parts) {
      h = mix(h ^ (part instanceof Number n ? n.longValue() : String.valueOf(part).hashCode()));
    }
    return h;
  }

  /** SplitMix64's finaliser: a bijection on 64 bits, so distinct inputs give distinct outputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A count with the given mean: exact (Knuth) for small means, normal approximation above 40. */
  static int poisson(SplittableRandom rnd, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 40) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double p = rnd.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= rnd.nextDouble();
      k++;
    }
    return k;
  }

  /** A positive amount around {@code median}; {@code sigma} is the spread on the log scale. */
  static double lognormal(SplittableRandom rnd, double median, double sigma) {
    return median * Math.exp(sigma * rnd.nextGaussian());
  }

  /** An integer in [lo, hi], both included. */
  static int between(SplittableRandom rnd, int lo, int hi) {
    return lo + rnd.nextInt(hi - lo + 1);
  }

  /** The index drawn from cumulative weights (the last entry is the total). */
  static int pick(SplittableRandom rnd, double[] cumulative) {
    double u = rnd.nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /** Running sums of {@code weights}, for {@link #pick}. */
  static double[] cumulative(double... weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    return c;
  }

  static <T> T any(SplittableRandom rnd, T[] values) {
    return values[rnd.nextInt(values.length)];
  }

  static boolean chance(SplittableRandom rnd, double p) {
    return rnd.nextDouble() < p;
  }
}
