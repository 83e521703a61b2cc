/** Events of sessions-service about client accounts as a whole. */
@NullMarked
package org.teletherapy.events.accounts;

import org.jspecify.annotations.NullMarked;
