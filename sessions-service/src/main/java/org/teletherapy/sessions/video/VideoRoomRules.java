package org.teletherapy.sessions.video;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where a session's room is and when it opens: part of the practice's scheduling rules ({@code teletherapy.scheduling}).
 *
 * @param videoBaseUrl    Jitsi-compatible server; each session gets an unguessable room on it
 * @param videoJoinBefore how long before the start the room can be joined
 */
@ConfigurationProperties("teletherapy.scheduling")
record VideoRoomRules(@DefaultValue("https://meet.jit.si") String videoBaseUrl,
                      @DefaultValue("10m") Duration videoJoinBefore) {
}
