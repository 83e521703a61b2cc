package org.teletherapy.deploy.kubernetes;

import org.teletherapy.events.EventTypes;
import org.teletherapy.events.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Who publishes and who consumes which topic, read from the code rather than written down a second time: a service's
 * topic is its {@code teletherapy.eventing.topic}; what it consumes are the events of its {@code EventHandler} beans
 * (eventing's idempotent consumer, with dead letters, in the group of the application's name), and, for the web app,
 * the topic its own live listener subscribes to ({@code EventTypes.topicOf(X.TYPE)}, a group per instance).
 */
final class EventFlows {

    /**
     * @param publishes       the topics the service's outbox writes: its {@code teletherapy.eventing.topic}, and the
     *                        topic of each event it makes (the outbox sends an event to its type's topic)
     * @param handledTopics   topics its EventHandler beans consume: read with the shared group, dead letters written
     * @param listenedTopics  topics a listener of its own reads (no dead letters), in groups of this prefix
     * @param group           the consumer group of its handlers: spring.application.name
     * @param listenerGroupPrefix the prefix of its own listener's per-instance groups, if it has one
     */
    record ServiceEvents(String application, Set<String> publishes, Set<String> handledTopics,
                         Set<String> listenedTopics, String group, Optional<String> listenerGroupPrefix) {

        Set<String> consumedTopics() {
            Set<String> all = new TreeSet<>(handledTopics);
            all.addAll(listenedTopics);
            return all;
        }
    }

    private static final Pattern HANDLER = Pattern.compile("EventHandler<(\\w+)>|EventHandler\\.of\\(\\s*(\\w+)\\.class");
    private static final Pattern LISTENED = Pattern.compile("EventTypes\\.topicOf\\(\\s*(\\w+)\\.TYPE\\s*\\)");
    private static final Pattern GROUP_PREFIX = Pattern.compile("GROUP_ID_CONFIG\\s*,\\s*\"([^\"]+)\"\\s*\\+");

    static Map<String, ServiceEvents> ofApplications() {
        Map<String, String> typeBySimpleName = new HashMap<>();
        for (String type : EventTypes.all()) {
            typeBySimpleName.put(EventTypes.classOf(type).getSimpleName(), type);
        }
        Map<String, ServiceEvents> services = new LinkedHashMap<>();
        for (String application : Platform.APPLICATIONS) {
            Set<String> handled = new TreeSet<>();
            Set<String> listened = new TreeSet<>();
            Optional<String> prefix = Optional.empty();
            Set<String> publishes = new TreeSet<>();
            Repository.setting(application, "teletherapy.eventing.topic").map(String::valueOf).ifPresent(publishes::add);
            for (String source : sources(application)) {
                // An event made in the main code is one the service publishes: consumers only read theirs.
                for (Map.Entry<String, String> event : typeBySimpleName.entrySet()) {
                    if (Pattern.compile("new\\s+" + event.getKey() + "\\s*\\(|\\b" + event.getKey() + "\\.[a-z]\\w*\\s*\\(")
                            .matcher(source).find()) {
                        publishes.add(EventTypes.topicOf(event.getValue()));
                    }
                }
                Matcher handler = HANDLER.matcher(source);
                while (handler.find()) {
                    String simpleName = handler.group(1) != null ? handler.group(1) : handler.group(2);
                    String type = typeBySimpleName.get(simpleName);
                    if (type != null) {
                        handled.add(EventTypes.topicOf(type));
                    }
                }
                Matcher listener = LISTENED.matcher(source);
                while (listener.find()) {
                    String type = typeBySimpleName.get(listener.group(1));
                    if (type != null) {
                        listened.add(EventTypes.topicOf(type));
                    }
                }
                Matcher group = GROUP_PREFIX.matcher(source);
                if (group.find()) {
                    prefix = Optional.of(group.group(1));
                }
            }
            String name = Repository.setting(application, "spring.application.name").map(String::valueOf)
                    .orElseThrow(() -> new AssertionError(application + " sets no spring.application.name"));
            services.put(application, new ServiceEvents(application, publishes, handled, listened, name, prefix));
        }
        return services;
    }

    /** The topics the platform has: that of every event type (Topics), each with its dead-letter topic. */
    static Set<String> allTopics() {
        Set<String> topics = new TreeSet<>();
        for (String type : EventTypes.all()) {
            topics.add(EventTypes.topicOf(type));
            topics.add(Topics.deadLetter(EventTypes.topicOf(type)));
        }
        return topics;
    }

    private static Iterable<String> sources(String application) {
        Path root = Repository.root().resolve(application).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(Repository::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EventFlows() {
    }
}
