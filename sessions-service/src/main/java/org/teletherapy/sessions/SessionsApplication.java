package org.teletherapy.sessions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SessionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SessionsApplication.class, args);
    }
}
