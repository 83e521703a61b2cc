package org.teletherapy.sessions.video;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.charset.StandardCharsets;

/**
 * Jitsi's token authentication (prosody {@code authentication = "token"} with {@code app_id} and {@code app_secret}).
 * Without a secret the rooms are open to anyone who has the link, and the session views say so.
 *
 * @param appId     prosody's {@code app_id}; tokens carry it as issuer and audience
 * @param appSecret prosody's {@code app_secret}, at least 32 bytes (HS256); from the environment, never committed
 * @param domain    the Jitsi domain ({@code sub} claim); empty means the host of the video base URL
 */
@ConfigurationProperties("teletherapy.video.jitsi")
public record JitsiProperties(@DefaultValue("teletherapy") String appId, @Nullable String appSecret,
                              @Nullable String domain) {

    /** HS256 needs a key of at least 256 bits; a shorter secret would be refused at the first join, so fail at start. */
    static final int MIN_SECRET_BYTES = 32;

    public JitsiProperties {
        if (appSecret != null && appSecret.isBlank()) {
            appSecret = null;
        }
        if (appSecret != null && appSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("teletherapy.video.jitsi.app-secret must have at least "
                    + MIN_SECRET_BYTES + " bytes for HS256");
        }
        if (domain != null && domain.isBlank()) {
            domain = null;
        }
    }

    boolean protectsRooms() {
        return appSecret != null;
    }
}
