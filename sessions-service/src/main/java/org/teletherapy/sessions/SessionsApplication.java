package org.teletherapy.sessions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
public class SessionsApplication {

    /** One clock for all scheduling rules, so tests can reason about "now". */
    @org.springframework.context.annotation.Bean
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(SessionsApplication.class, args);
    }
}
