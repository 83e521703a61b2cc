/** Event contracts between the services: records, topic names, CloudEvents headers and the JSON wire format. */
@NullMarked
package org.teletherapy.events;

import org.jspecify.annotations.NullMarked;
