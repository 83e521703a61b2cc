package org.teletherapy.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssociatedDataTest {

    @Test
    void partsAreLengthPrefixedSoShiftedBoundariesNeverCollide() {
        assertThat(AssociatedData.of("p", "ab", "c")).isNotEqualTo(AssociatedData.of("p", "a", "bc"));
        assertThat(AssociatedData.of("p", "a", null)).isNotEqualTo(AssociatedData.of("p", "a", ""));
        assertThat(AssociatedData.of("p", 1, 2)).isNotEqualTo(AssociatedData.of("p", 12));
    }

    @Test
    void thePurposeIsPartOfTheContext() {
        assertThat(AssociatedData.of("note-content", "x")).isNotEqualTo(AssociatedData.of("addendum", "x"));
        assertThat(AssociatedData.of("p", "x", 3)).isEqualTo(AssociatedData.of("p", "x", "3"));
    }
}
