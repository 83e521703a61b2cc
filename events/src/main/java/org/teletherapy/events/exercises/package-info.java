/** Events of exercises-service about homework and questionnaires: ids, scores and statuses, never answers. */
@NullMarked
package org.teletherapy.events.exercises;

import org.jspecify.annotations.NullMarked;
