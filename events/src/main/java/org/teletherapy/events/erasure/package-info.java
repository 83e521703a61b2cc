/**
 * The replies of the platform-wide erasure saga that sessions-service runs: each service that holds client data says
 * that its part is done, or why it refused it. Several producers write these, sessions-service alone reads them.
 */
@NullMarked
package org.teletherapy.events.erasure;

import org.jspecify.annotations.NullMarked;
