package org.teletherapy.exercises.figures;

import java.util.Map;

/** Aggregate figures for operators: counts and times, never a person or an answer. */
final class Figures {

    private Figures() {
    }

    /**
     * @param byStatus       assignments in each state
     * @param completionRate handed in (on time or late) among assignments that are handed in or overdue; null before
     *                       any is either
     */
    record Homework(Map<String, Long> byStatus, long total, long overdue, Double completionRate) {
    }

    /**
     * @param oldestOpenSeconds        how long the longest-waiting open alert has waited
     * @param medianSecondsToAcknowledge from hand-in to acknowledgement, over all acknowledged alerts
     */
    record Safety(long open, long acknowledged, long oldestOpenSeconds, Double medianSecondsToAcknowledge,
                  Double p90SecondsToAcknowledge) {
    }
}
