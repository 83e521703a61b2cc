package org.teletherapy.sessions.video;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JitsiPropertiesTest {

    @Test
    void aSecretTooShortForHs256StopsTheServiceFromStarting() {
        assertThatThrownBy(() -> new JitsiProperties("teletherapy", "thirty-one-bytes-are-not-enough", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining("thirty-one");
    }

    @Test
    void aBlankSecretMeansUnprotectedRooms() {
        assertThat(new JitsiProperties("teletherapy", " ", null).protectsRooms()).isFalse();
        assertThat(new JitsiProperties("teletherapy", "a-secret-of-exactly-thirty-two-b", null).protectsRooms()).isTrue();
    }
}
