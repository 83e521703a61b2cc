/** Events of sessions-service about therapy sessions: booked, rescheduled, cancelled, completed, missed. */
@NullMarked
package org.teletherapy.events.sessions;

import org.jspecify.annotations.NullMarked;
