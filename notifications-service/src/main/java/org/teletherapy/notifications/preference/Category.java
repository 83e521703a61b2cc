package org.teletherapy.notifications.preference;

/** The kinds of message a person can turn off. Safety messages are none of them: they cannot be turned off. */
public enum Category {
    CONFIRMATIONS("confirmations"),
    REMINDERS("reminders"),
    HOMEWORK("homework");

    private final String wireName;

    Category(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static java.util.Optional<Category> of(String wireName) {
        return java.util.Arrays.stream(values()).filter(category -> category.wireName.equals(wireName)).findFirst();
    }
}
