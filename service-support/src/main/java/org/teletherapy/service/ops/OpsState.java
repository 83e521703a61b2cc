package org.teletherapy.service.ops;

/**
 * How a part of the platform is doing, as operators see it: a component (database, Kafka) is {@code UP} or
 * {@code DOWN}; a service that answers is {@code UP} or, with a component down, {@code DEGRADED}; one that does not
 * answer is {@code DOWN}, and its components are then {@code UNKNOWN}.
 */
public enum OpsState {
    UP, DEGRADED, DOWN, UNKNOWN
}
