package org.teletherapy.notes.note;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxContentBytes the most text a note (content and sections together) or an addendum may hold, in UTF-8
 *                        bytes: generous for clinical prose, small enough that one request cannot hog memory
 */
@ConfigurationProperties("teletherapy.notes")
record NotesProperties(@DefaultValue("65536") int maxContentBytes) {
}
