package io.authbench.harness.apptarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NameMatchTest {
    private static final String NAME = "Ada Lovelace 1";

    @Test
    void exact_wants_the_whole_text_and_ignores_surrounding_and_repeated_whitespace() {
        assertThat(NameMatch.EXACT.matches("  Ada   Lovelace\n 1 ", NAME)).isTrue();
        assertThat(NameMatch.EXACT.matches("Welcome back, Ada Lovelace 1!", NAME))
                .isFalse();
        assertThat(NameMatch.EXACT.matches(null, NAME)).isFalse();
    }

    @Test
    void contains_finds_the_name_inside_a_sentence_but_not_another_user() {
        assertThat(NameMatch.CONTAINS.matches("Welcome back, Ada Lovelace 1!", NAME))
                .isTrue();
        assertThat(NameMatch.CONTAINS.matches("Welcome back, Ada Lovelace 2!", NAME))
                .isFalse();
    }

    @Test
    void a_regex_places_the_name_literally() {
        NameMatch match = NameMatch.regex("^Welcome back, {name}!$");
        assertThat(match.matches("Welcome back, Ada Lovelace 1!", NAME)).isTrue();
        assertThat(match.matches("Welcome back, Ada Lovelace 1! Again", NAME)).isFalse();
        // Regex characters in a name are literal: "A.B (x)" must not match "AxB (x)".
        assertThat(match.matches("Welcome back, A.B (x)+!", "A.B (x)+")).isTrue();
        assertThat(match.matches("Welcome back, AxB xx!", "A.B (x)+")).isFalse();
        assertThat(match.expected("A.B (x)+")).isEqualTo("^Welcome back, A\\.B \\(x\\)\\+!$");
        assertThat(match.describe()).isEqualTo("regex /^Welcome back, {name}!$/");
    }

    @Test
    void a_regex_without_the_placeholder_or_with_bad_syntax_is_refused_with_the_reason() {
        assertThatThrownBy(() -> NameMatch.regex("^Welcome back, .+!$"))
                .hasMessageContaining("has no {name} placeholder");
        assertThatThrownBy(() -> NameMatch.regex("^(Welcome {name}$"))
                .hasMessageContaining("is not a regular expression");
    }
}
