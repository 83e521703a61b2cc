package org.teletherapy.notes.erasure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;

/**
 * How long this deployment must keep clinical records, which a client's erasure request does not override
 * (GDPR Art. 17(3)(b) and (c): a legal obligation to keep them, such as ten years for patient records in many
 * countries). Per deployment, because the period is a matter of the practice's law, not of the platform.
 *
 * @param signedNotes how long after a note was signed it is kept whatever the client asks; {@code P0D} (the default)
 *                    keeps nothing back
 */
@ConfigurationProperties("teletherapy.notes.retention")
record RetentionProperties(@DefaultValue("P0D") Period signedNotes) {

    boolean enabled() {
        return !signedNotes.isZero() && !signedNotes.isNegative();
    }
}
