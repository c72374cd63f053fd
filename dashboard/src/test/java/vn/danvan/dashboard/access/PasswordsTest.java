package vn.danvan.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordsTest {
  @Test
  void the_dummy_hash_costs_what_a_real_one_does() {
    // an unknown login is verified against it: other parameters would make its answer faster or slower
    assertThat(Argon2Function.getInstanceFromHash(Passwords.DUMMY_HASH)).isEqualTo(Passwords.ARGON2);
    assertThat(Passwords.ARGON2.getMemory()).isEqualTo(19456);
    assertThat(Passwords.ARGON2.getIterations()).isEqualTo(2);
    assertThat(Passwords.ARGON2.getParallelism()).isEqualTo(1);
    assertThat(Passwords.ARGON2.getOutputLength()).isEqualTo(32);
    assertThat(Passwords.verify("anything at all".toCharArray(), null)).isFalse();
  }

  @Test
  void one_time_passwords_are_16_unambiguous_characters_and_differ() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String password = new String(Passwords.oneTime(random));
      assertThat(password).matches("[a-hjkmnp-zA-HJ-NP-Z2-9]{16}");
      seen.add(password);
    }
    assertThat(seen).hasSize(200);
  }

  @Test
  void ascii_passwords_are_hashed_as_typed_and_accented_ones_in_nfkc() {
    char[] ascii = "plain ascii words".toCharArray();
    assertThat(Passwords.normalized(ascii)).isSameAs(ascii);
    assertThat(new String(Passwords.normalized("Vie\u0302\u0323t".toCharArray()))).isEqualTo("Việt");
  }
}
