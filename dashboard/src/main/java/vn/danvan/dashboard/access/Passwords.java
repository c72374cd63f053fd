package vn.danvan.dashboard.access;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.SecureString;
import com.password4j.types.Argon2;
import java.nio.CharBuffer;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Password hashing and the password policy, in one place so that the parameters are stated once.
 *
 * <p>Hashes are Argon2id with OWASP's Password Storage Cheat Sheet parameters: m = 19456 KiB
 * (19 MiB), t = 2 iterations, p = 1 lane, a 16-byte random salt and a 32-byte hash, written as a
 * PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}). Argon2id because it is
 * memory-hard (a stolen database is expensive to attack on GPUs) and resists side channels; these
 * parameters because they cost about 50 ms of one core per login, which a server with few users
 * bears easily. The PHC string carries its parameters, so raising them later keeps old hashes
 * verifiable.
 *
 * <p>The policy follows NIST SP 800-63B: length is what counts (12 to 128 characters, each
 * Unicode code point one character, no composition rules), and the password may not be the login.
 * Passwords with non-ASCII characters are NFKC-normalised first, as 800-63B asks, so that the same
 * Vietnamese password typed with composed or combining accents (Telex, VNI, different systems)
 * still matches.
 */
final class Passwords {
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;

  static final Argon2Function ARGON2 = Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID,
      Argon2Function.ARGON2_VERSION_13);
  private static final int SALT_BYTES = 16;

  /**
   * What an unknown login or a disabled account is verified against, so that those answers take as
   * long as a wrong password does (the time must not reveal which logins exist). No password
   * matches it in practice: it is the hash of a random text that was thrown away.
   */
  static final String DUMMY_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$jgDUL/wS9I0pxIrcP2azcA$poVa2qmvjKF9NvAFREZLY3CTSslg5SpdWlvuB/zf1yA";

  /** One-time passwords: no 0/O, 1/l/I, so that they can be read aloud and typed without doubt. */
  private static final char[] UNAMBIGUOUS =
      "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  static final int ONE_TIME_LENGTH = 16;

  private Passwords() {}

  /**
   * The password as it is hashed: NFKC-normalised when it has non-ASCII characters (a copy;
   * {@code password} is left as it was), else {@code password} itself.
   */
  static char[] normalized(char[] password) {
    for (char c : password) {
      if (c > 0x7f) {
        // Normalizer works on Strings: this copy cannot be wiped, only left to the collector.
        return Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC).toCharArray();
      }
    }
    return password;
  }

  /**
   * Checks the policy on a normalised password.
   *
   * @throws IllegalArgumentException saying which rule the password breaks
   */
  static void checkPolicy(String login, char[] normalized) {
    int length = Character.codePointCount(normalized, 0, normalized.length);
    if (length < MIN_LENGTH) {
      throw new IllegalArgumentException("password refused: it has " + length + " characters, at least "
          + MIN_LENGTH + " are needed (a few unrelated words make a good one)");
    }
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException("password refused: it has " + length + " characters, at most "
          + MAX_LENGTH + " are accepted");
    }
    if (login != null && sameIgnoringCase(login, normalized)) {
      throw new IllegalArgumentException("password refused: it is the login itself");
    }
  }

  private static boolean sameIgnoringCase(String login, char[] password) {
    if (login.length() != password.length) {
      return false;
    }
    for (int i = 0; i < password.length; i++) {
      if (Character.toLowerCase(login.charAt(i)) != Character.toLowerCase(password[i])) {
        return false;
      }
    }
    return true;
  }

  /** The PHC string of a normalised password, with a fresh random salt. */
  static String hash(char[] normalized) {
    SecureString secret = new SecureString(normalized);
    try {
      return Password.hash(secret).addRandomSalt(SALT_BYTES).with(ARGON2).getResult();
    } finally {
      secret.clear();
    }
  }

  /**
   * Whether the password matches the stored PHC string; with {@code stored} null, verifies against
   * the dummy hash (same cost) and answers false.
   */
  static boolean verify(char[] normalized, String stored) {
    SecureString secret = new SecureString(normalized);
    try {
      boolean match = ARGON2.check(secret, stored != null ? stored : DUMMY_HASH);
      return match && stored != null;
    } finally {
      secret.clear();
    }
  }

  /** A one-time password of {@value #ONE_TIME_LENGTH} characters from an unambiguous alphabet. */
  static char[] oneTime(SecureRandom random) {
    char[] password = new char[ONE_TIME_LENGTH];
    for (int i = 0; i < password.length; i++) {
      password[i] = UNAMBIGUOUS[random.nextInt(UNAMBIGUOUS.length)];
    }
    return password;
  }

  /** Overwrites a password that is no longer needed. */
  static void wipe(char[]... passwords) {
    for (char[] password : passwords) {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }
}
