/** Events of notes-service about clinical notes: ids and statuses, never their text. */
@NullMarked
package org.teletherapy.events.notes;

import org.jspecify.annotations.NullMarked;
