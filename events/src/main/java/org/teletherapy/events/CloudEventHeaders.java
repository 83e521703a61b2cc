package org.teletherapy.events;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding in binary mode: the attributes travel as headers
 * and the record value is the event's JSON data alone (DESIGN.md §7). Plain strings, so this module needs no Kafka.
 */
public final class CloudEventHeaders {

    /** Unique per event; consumers record it to apply each event once. */
    public static final String ID = "ce_id";
    /** The event type, such as {@code session.booked}: one of {@link EventTypes#all()}. */
    public static final String TYPE = "ce_type";
    /** The producing service, as a URI reference (for example {@code /sessions-service}). */
    public static final String SOURCE = "ce_source";
    public static final String SPECVERSION = "ce_specversion";
    /** {@link DomainEvent#occurredAt()} as an RFC 3339 timestamp. */
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Binary mode maps {@code datacontenttype} to the plain {@code content-type} header, without the prefix. */
    public static final String CONTENT_TYPE = "content-type";

    /** The value of {@link #SPECVERSION}. */
    public static final String SPEC_VERSION = "1.0";
    /** The value of {@link #CONTENT_TYPE}: every event's data is JSON written by {@link EventJson}. */
    public static final String JSON_CONTENT_TYPE = "application/json";

    private CloudEventHeaders() {
    }
}
