package org.teletherapy.exercises.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.teletherapy.events.exercises.Instrument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionnaireScoringTest {

    @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
    @CsvSource({
            "0, minimal", "4, minimal",
            "5, mild", "9, mild",
            "10, moderate", "14, moderate",
            "15, moderately-severe", "19, moderately-severe",
            "20, severe", "27, severe"})
    void phq9BandsAtEveryBoundary(int total, String severity) {
        Score score = QuestionnaireScoring.score(Instrument.PHQ_9, itemsSummingTo(9, total));

        assertThat(score.total()).isEqualTo(total);
        assertThat(score.severity()).isEqualTo(severity);
        assertThat(score.instrument()).isEqualTo(Instrument.PHQ_9);
    }

    @ParameterizedTest(name = "GAD-7 total {0} is {1}")
    @CsvSource({
            "0, minimal", "4, minimal",
            "5, mild", "9, mild",
            "10, moderate", "14, moderate",
            "15, severe", "21, severe"})
    void gad7BandsAtEveryBoundary(int total, String severity) {
        Score score = QuestionnaireScoring.score(Instrument.GAD_7, itemsSummingTo(7, total));

        assertThat(score.total()).isEqualTo(total);
        assertThat(score.severity()).isEqualTo(severity);
        assertThat(score.needsSafetyFollowUp()).as("GAD-7 has no safety item").isFalse();
    }

    @ParameterizedTest(name = "severity({0}, {1}) = {2}")
    @CsvSource({
            "PHQ_9, 0, minimal", "PHQ_9, 4, minimal", "PHQ_9, 5, mild", "PHQ_9, 9, mild", "PHQ_9, 10, moderate",
            "PHQ_9, 14, moderate", "PHQ_9, 15, moderately-severe", "PHQ_9, 19, moderately-severe",
            "PHQ_9, 20, severe", "PHQ_9, 27, severe",
            "GAD_7, 0, minimal", "GAD_7, 4, minimal", "GAD_7, 5, mild", "GAD_7, 9, mild", "GAD_7, 10, moderate",
            "GAD_7, 14, moderate", "GAD_7, 15, severe", "GAD_7, 21, severe"})
    void everyTotalFallsIntoItsPublishedBand(Instrument instrument, int total, String severity) {
        assertThat(QuestionnaireScoring.severity(instrument, total)).isEqualTo(severity);
    }

    @Test
    void totalsOutsideTheInstrumentsRangeHaveNoBand() {
        assertThatThrownBy(() -> QuestionnaireScoring.severity(Instrument.PHQ_9, 28)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuestionnaireScoring.severity(Instrument.GAD_7, 22)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuestionnaireScoring.severity(Instrument.GAD_7, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void phq9Item9OfOneWithATotalOfThreeNeedsSafetyFollowUp() {
        Map<String, Integer> items = allItems(9, 0);
        items.put("item1", 1);
        items.put("item2", 1);
        items.put("item9", 1);

        Score score = QuestionnaireScoring.score(Instrument.PHQ_9, items);

        assertThat(score.total()).isEqualTo(3);
        assertThat(score.severity()).isEqualTo("minimal");
        assertThat(score.needsSafetyFollowUp()).isTrue();
    }

    @ParameterizedTest(name = "item 9 = {0}")
    @CsvSource({"1", "2", "3"})
    void anyPhq9Item9AboveZeroNeedsFollowUpEvenWhenEverythingElseIsZero(int item9) {
        Map<String, Integer> items = allItems(9, 0);
        items.put("item9", item9);

        assertThat(QuestionnaireScoring.score(Instrument.PHQ_9, items).needsSafetyFollowUp()).isTrue();
    }

    @Test
    void aSeverePhq9WithItem9AtZeroNeedsNoSafetyFollowUp() {
        Map<String, Integer> items = allItems(9, 3);
        items.put("item9", 0);

        Score score = QuestionnaireScoring.score(Instrument.PHQ_9, items);

        assertThat(score.total()).isEqualTo(24);
        assertThat(score.severity()).isEqualTo("severe");
        assertThat(score.needsSafetyFollowUp()).isFalse();
    }

    @Test
    void aResponseWithAMissingItemIsNotScoredNorProrated() {
        Map<String, Integer> items = allItems(9, 2);
        items.remove("item4");

        assertThatThrownBy(() -> QuestionnaireScoring.score(Instrument.PHQ_9, items))
                .isInstanceOfSatisfying(IncompleteResponseException.class,
                        e -> assertThat(e.missingItems()).containsExactly("item4"));
    }

    @Test
    void aGad7WithoutItsLastItemIsNotScored() {
        Map<String, Integer> items = allItems(7, 1);
        items.remove("item7");

        assertThatThrownBy(() -> QuestionnaireScoring.score(Instrument.GAD_7, items))
                .isInstanceOfSatisfying(IncompleteResponseException.class,
                        e -> assertThat(e.missingItems()).containsExactly("item7"));
    }

    @ParameterizedTest(name = "item value {0}")
    @CsvSource({"-1", "4", "10"})
    void itemValuesOutsideZeroToThreeAreRefused(int value) {
        Map<String, Integer> items = allItems(7, 0);
        items.put("item3", value);

        assertThatThrownBy(() -> QuestionnaireScoring.score(Instrument.GAD_7, items))
                .isInstanceOfSatisfying(ItemOutOfRangeException.class, e -> assertThat(e.items()).containsExactly("item3"));
    }

    @Test
    void unscoredQuestionsDoNotChangeTheTotal() {
        Map<String, Integer> items = allItems(9, 1);
        items.put("difficulty", 3);

        assertThat(QuestionnaireScoring.score(Instrument.PHQ_9, items).total()).isEqualTo(9);
    }

    @Test
    void theScoredItemsAreNamedInOrder() {
        assertThat(QuestionnaireScoring.itemIds(Instrument.PHQ_9))
                .containsExactly("item1", "item2", "item3", "item4", "item5", "item6", "item7", "item8", "item9");
        assertThat(QuestionnaireScoring.itemIds(Instrument.GAD_7)).hasSize(7).last().isEqualTo("item7");
        assertThat(List.of(QuestionnaireScoring.maxTotal(Instrument.PHQ_9), QuestionnaireScoring.maxTotal(Instrument.GAD_7)))
                .containsExactly(27, 21);
    }

    /** Spreads a total over the items, 3s first from item 1 (item 9 is reached only by totals above 24). */
    private static Map<String, Integer> itemsSummingTo(int itemCount, int total) {
        Map<String, Integer> items = allItems(itemCount, 0);
        int remaining = total;
        for (int n = 1; n <= itemCount && remaining > 0; n++) {
            int value = Math.min(3, remaining);
            items.put("item" + n, value);
            remaining -= value;
        }
        assertThat(remaining).as("total %s fits %s items", total, itemCount).isZero();
        return items;
    }

    private static Map<String, Integer> allItems(int itemCount, int value) {
        Map<String, Integer> items = new HashMap<>();
        for (int n = 1; n <= itemCount; n++) {
            items.put("item" + n, value);
        }
        return items;
    }
}
