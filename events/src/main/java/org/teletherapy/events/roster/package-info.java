/** Events of sessions-service about which therapist treats which client; consumers keep a local copy to authorize. */
@NullMarked
package org.teletherapy.events.roster;

import org.jspecify.annotations.NullMarked;
