package org.teletherapy.sessions.erasure;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.teletherapy.events.Topics;

/**
 * The saga's reply topic belongs to its owner: created here at start, so it exists before the first
 * {@code client.erased} makes another service answer on it (where brokers do not create topics on first use).
 */
@Configuration(proxyBeanMethods = false)
class ErasureTopic {

    @Bean
    NewTopic erasureReplies() {
        return TopicBuilder.name(Topics.ERASURE).partitions(3).build();
    }
}
