package org.teletherapy.eventing;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small service that books sessions and copies them from its own events, to test the library for real. */
@SpringBootApplication
public class EventingTestApplication {
}
