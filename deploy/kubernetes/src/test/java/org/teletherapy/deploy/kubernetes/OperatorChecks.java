package org.teletherapy.deploy.kubernetes;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.teletherapy.events.Topics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The operators' resources, which the Kubernetes client has no models of, checked field by field: Strimzi's Kafka,
 * node pools, topics and users; CloudNativePG's clusters, object stores and scheduled backups; the Keycloak Operator's
 * Keycloak and realm import; the External Secrets operator's ExternalSecrets. Each method lists what is wrong.
 */
final class OperatorChecks {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

    private OperatorChecks() {
    }

    // ---- Kafka -----------------------------------------------------------------------------------------------

    static List<String> kafka(RenderedManifests rendered, boolean production) {
        List<String> problems = new ArrayList<>();
        List<Manifest> clusters = rendered.ofKind("Kafka").toList();
        if (clusters.size() != 1) {
            return List.of(clusters.size() + " Kafka clusters, not 1");
        }
        Manifest kafka = clusters.get(0);
        List<Manifest> pools = rendered.ofKind("KafkaNodePool")
                .filter(pool -> kafka.name().equals(pool.labels().get("strimzi.io/cluster"))).toList();
        if (pools.size() != rendered.ofKind("KafkaNodePool").count()) {
            problems.add("a KafkaNodePool belongs to no Kafka (label strimzi.io/cluster)");
        }
        int brokers = replicasWithRole(pools, "broker");
        int controllers = replicasWithRole(pools, "controller");
        if (!"enabled".equals(kafka.annotations().get("strimzi.io/kraft"))
                || !"enabled".equals(kafka.annotations().get("strimzi.io/node-pools"))) {
            problems.add(kafka.id() + ": not declared as KRaft with node pools (strimzi.io/kraft, strimzi.io/node-pools)");
        }
        if (!Documents.string(kafka.body(), "spec", "kafka", "version").orElse("").startsWith("4.")) {
            problems.add(kafka.id() + ": not Kafka 4 (the services' clients are 4.1)");
        }
        Map<String, Object> config = kafka.map("spec", "kafka", "config");
        expectConfig(problems, kafka, config, "auto.create.topics.enable", "false");
        if (!"simple".equals(Documents.string(kafka.body(), "spec", "kafka", "authorization", "type").orElse(""))) {
            problems.add(kafka.id() + ": no ACL authorization (spec.kafka.authorization.type simple)");
        }
        List<Object> listeners = kafka.list("spec", "kafka", "listeners");
        if (listeners.isEmpty()) {
            problems.add(kafka.id() + ": no listeners");
        }
        for (Object listener : listeners) {
            String name = Documents.string(listener, "name").orElse("?");
            if (!Boolean.TRUE.equals(Documents.at(listener, "tls").orElse(false))) {
                problems.add(kafka.id() + ": listener " + name + " without TLS");
            }
            String authentication = Documents.string(listener, "authentication", "type").orElse("none");
            if (!Set.of("scram-sha-512", "tls").contains(authentication)) {
                problems.add(kafka.id() + ": listener " + name + " authenticates no one (" + authentication + ")");
            }
            if (!"internal".equals(Documents.string(listener, "type").orElse(""))) {
                problems.add(kafka.id() + ": listener " + name + " is reachable from outside the cluster");
            }
        }
        if (Documents.at(kafka.body(), "spec", "entityOperator", "topicOperator").isEmpty()
                || Documents.at(kafka.body(), "spec", "entityOperator", "userOperator").isEmpty()) {
            problems.add(kafka.id() + ": no Topic and User Operator, so KafkaTopics and KafkaUsers would do nothing");
        }
        for (Manifest pool : pools) {
            for (Object volume : pool.list("spec", "storage", "volumes")) {
                if (!"persistent-claim".equals(Documents.string(volume, "type").orElse(""))) {
                    problems.add(pool.id() + ": a volume that is not a persistent claim: the log would not survive");
                }
            }
        }
        if (production) {
            if (brokers != 3) {
                problems.add(kafka.id() + ": " + brokers + " brokers, not 3");
            }
            if (controllers < 3 || controllers % 2 == 0) {
                problems.add(kafka.id() + ": " + controllers + " KRaft controllers; a quorum needs an odd number, 3 or more");
            }
            expectConfig(problems, kafka, config, "default.replication.factor", "3");
            expectConfig(problems, kafka, config, "min.insync.replicas", "2");
            expectConfig(problems, kafka, config, "offsets.topic.replication.factor", "3");
            expectConfig(problems, kafka, config, "transaction.state.log.replication.factor", "3");
            expectConfig(problems, kafka, config, "transaction.state.log.min.isr", "2");
            if (!"topology.kubernetes.io/zone".equals(Documents.string(kafka.body(), "spec", "kafka", "rack", "topologyKey").orElse(""))) {
                problems.add(kafka.id() + ": replicas are not spread over zones (spec.kafka.rack.topologyKey)");
            }
        } else if (brokers < 1 || controllers < 1) {
            problems.add(kafka.id() + ": no broker or no controller");
        }
        return problems;
    }

    private static int replicasWithRole(List<Manifest> pools, String role) {
        return pools.stream().filter(pool -> pool.list("spec", "roles").contains(role))
                .mapToInt(pool -> Documents.integer(pool.body(), "spec", "replicas").orElse(0)).sum();
    }

    private static void expectConfig(List<String> problems, Manifest kafka, Map<String, Object> config, String key,
                                     String expected) {
        Object value = config.get(key);
        if (value == null || !expected.equals(String.valueOf(value))) {
            problems.add(kafka.id() + ": " + key + " is " + value + ", not " + expected);
        }
    }

    static List<String> topics(RenderedManifests rendered, boolean production) {
        List<String> problems = new ArrayList<>();
        String cluster = rendered.ofKind("Kafka").map(Manifest::name).findFirst().orElse("?");
        Map<String, Manifest> byTopic = new HashMap<>();
        rendered.ofKind("KafkaTopic").forEach(topic -> byTopic.put(
                Documents.string(topic.body(), "spec", "topicName").orElse(topic.name()), topic));
        if (!new TreeSet<>(byTopic.keySet()).equals(EventFlows.allTopics())) {
            problems.add("the KafkaTopics are " + new TreeSet<>(byTopic.keySet()) + ", not the platform's topics and "
                    + "their dead-letter topics " + EventFlows.allTopics());
        }
        for (Map.Entry<String, Manifest> entry : byTopic.entrySet()) {
            Manifest topic = entry.getValue();
            if (!cluster.equals(topic.labels().get("strimzi.io/cluster"))) {
                problems.add(topic.id() + ": belongs to no Kafka of these manifests (strimzi.io/cluster)");
            }
            int replicas = Documents.integer(topic.body(), "spec", "replicas").orElse(0);
            int minInSync = Documents.integer(topic.body(), "spec", "config", "min.insync.replicas").orElse(0);
            int partitions = Documents.integer(topic.body(), "spec", "partitions").orElse(0);
            if (partitions < 1) {
                problems.add(topic.id() + ": no partitions");
            }
            if (production && (replicas != 3 || minInSync != 2)) {
                problems.add(topic.id() + ": replicas " + replicas + ", min.insync.replicas " + minInSync
                        + "; production needs 3 and 2");
            }
            if (minInSync < 1 || minInSync > replicas) {
                problems.add(topic.id() + ": min.insync.replicas " + minInSync + " with " + replicas + " replicas");
            }
        }
        return problems;
    }

    // ---- Kafka users and who may do what ---------------------------------------------------------------------

    /** One ACL rule, normalised: resource type, pattern type, name and one operation. */
    record Acl(String resourceType, String patternType, String name, String operation) {
        @Override
        public String toString() {
            return operation + " " + resourceType + " " + name + ("literal".equals(patternType) ? "" : " (" + patternType + ")");
        }
    }

    static Set<Acl> aclsOf(Manifest user) {
        Set<Acl> acls = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        for (Object rule : user.list("spec", "authorization", "acls")) {
            if (!"allow".equals(Documents.string(rule, "type").orElse("allow"))) {
                continue;
            }
            List<Object> operations = new ArrayList<>(Documents.list(rule, "operations"));
            Documents.string(rule, "operation").ifPresent(operations::add);
            for (Object operation : operations) {
                acls.add(new Acl(Documents.string(rule, "resource", "type").orElse("?"),
                        Documents.string(rule, "resource", "patternType").orElse("literal"),
                        Documents.string(rule, "resource", "name").orElse("*"), String.valueOf(operation)));
            }
        }
        return acls;
    }

    /** What the code says each Kafka client needs, and nothing more. */
    static Set<Acl> expectedAcls(EventFlows.ServiceEvents events) {
        Set<Acl> acls = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        events.publishes().forEach(topic -> acls.add(new Acl("topic", "literal", topic, "Write")));
        for (String topic : events.handledTopics()) {
            acls.add(new Acl("topic", "literal", topic, "Read"));
            acls.add(new Acl("topic", "literal", Topics.deadLetter(topic), "Write"));
        }
        if (!events.handledTopics().isEmpty()) {
            acls.add(new Acl("group", "literal", events.group(), "Read"));
        }
        for (String topic : events.listenedTopics()) {
            acls.add(new Acl("topic", "literal", topic, "Read"));
        }
        if (!events.listenedTopics().isEmpty()) {
            acls.add(new Acl("group", "prefix", events.listenerGroupPrefix().orElse("?"), "Read"));
        }
        return acls;
    }

    static List<String> users(RenderedManifests rendered) {
        List<String> problems = new ArrayList<>();
        Map<String, EventFlows.ServiceEvents> flows = EventFlows.ofApplications();
        Set<String> clients = flows.values().stream()
                .filter(events -> !events.publishes().isEmpty() || !events.consumedTopics().isEmpty())
                .map(EventFlows.ServiceEvents::application).collect(Collectors.toCollection(TreeSet::new));
        Set<String> users = rendered.ofKind("KafkaUser").map(Manifest::name).collect(Collectors.toCollection(TreeSet::new));
        if (!users.equals(clients)) {
            problems.add("the KafkaUsers are " + users + ", not one per Kafka client " + clients);
        }
        for (Manifest user : rendered.ofKind("KafkaUser").toList()) {
            EventFlows.ServiceEvents events = flows.get(user.name());
            if (events == null) {
                continue;
            }
            if (!Set.of("scram-sha-512", "tls").contains(Documents.string(user.body(), "spec", "authentication", "type").orElse(""))) {
                problems.add(user.id() + ": no authentication");
            }
            if (!"simple".equals(Documents.string(user.body(), "spec", "authorization", "type").orElse(""))) {
                problems.add(user.id() + ": no ACLs (spec.authorization.type simple)");
            }
            Set<Acl> actual = aclsOf(user);
            Set<Acl> expected = expectedAcls(events);
            if (!actual.toString().equals(expected.toString())) {
                problems.add(user.id() + ": may " + actual + ", but the code needs exactly " + expected);
            }
            // The Deployment of that name logs in as this user.
            boolean used = rendered.models(V1Deployment.class).stream()
                    .filter(deployment -> deployment.getMetadata().getName().equals(user.name()))
                    .flatMap(deployment -> deployment.getSpec().getTemplate().getSpec().getContainers().stream())
                    .flatMap(container -> container.getEnv() == null ? java.util.stream.Stream.<V1EnvVar>empty() : container.getEnv().stream())
                    .anyMatch(variable -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null
                            && user.name().equals(variable.getValueFrom().getSecretKeyRef().getName())
                            && "sasl.jaas.config".equals(variable.getValueFrom().getSecretKeyRef().getKey()));
            if (!used) {
                problems.add(user.id() + ": Deployment/" + user.name() + " does not log in with this user's secret");
            }
        }
        return problems;
    }

    /**
     * A consumer group reads each partition with one consumer, and each instance runs one: instances beyond a
     * consumed topic's partition count would sit idle, so the autoscaler may not start them.
     */
    static List<String> consumerScaling(RenderedManifests rendered) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> partitions = new HashMap<>();
        rendered.ofKind("KafkaTopic").forEach(topic -> partitions.put(
                Documents.string(topic.body(), "spec", "topicName").orElse(topic.name()),
                Documents.integer(topic.body(), "spec", "partitions").orElse(0)));
        for (Manifest user : rendered.ofKind("KafkaUser").toList()) {
            Set<Acl> acls = aclsOf(user);
            boolean sharedGroup = acls.stream().anyMatch(acl -> acl.resourceType().equals("group")
                    && acl.patternType().equals("literal"));
            if (!sharedGroup) {
                continue;
            }
            Optional<V2HorizontalPodAutoscaler> autoscaler = WorkloadChecks.autoscalerOf(rendered, user.name());
            if (autoscaler.isEmpty()) {
                continue;
            }
            int maxReplicas = autoscaler.get().getSpec().getMaxReplicas();
            for (Acl acl : acls) {
                if (acl.resourceType().equals("topic") && acl.operation().equals("Read")) {
                    int count = partitions.getOrDefault(acl.name(), 0);
                    if (maxReplicas > count) {
                        problems.add("HorizontalPodAutoscaler/" + user.name() + ": up to " + maxReplicas
                                + " consumers in group " + user.name() + ", but " + acl.name() + " has " + count
                                + " partitions");
                    }
                }
            }
        }
        return problems;
    }

    // ---- PostgreSQL ------------------------------------------------------------------------------------------

    static List<String> postgres(RenderedManifests rendered, boolean production) {
        List<String> problems = new ArrayList<>();
        Map<String, Manifest> clusters = new HashMap<>();
        rendered.ofKind("Cluster").filter(cluster -> cluster.group().equals("postgresql.cnpg.io"))
                .forEach(cluster -> clusters.put(cluster.name(), cluster));
        Set<String> expected = new TreeSet<>(NetworkPolicyChecks.DATABASE_OF.values());
        expected.add("keycloak-db");
        if (!new TreeSet<>(clusters.keySet()).equals(expected)) {
            problems.add("the CloudNativePG clusters are " + new TreeSet<>(clusters.keySet()) + ", not one per database "
                    + expected);
        }
        Map<String, String> provided = ProvidedSecrets.in(rendered);
        for (Manifest cluster : clusters.values()) {
            problems.addAll(WorkloadChecks.imageViolations(cluster.id(),
                    Documents.string(cluster.body(), "spec", "imageName").orElse(null)));
            if (Documents.string(cluster.body(), "spec", "bootstrap", "initdb", "database").isEmpty()) {
                problems.add(cluster.id() + ": does not create its database (spec.bootstrap.initdb.database)");
            }
            if (Boolean.TRUE.equals(Documents.at(cluster.body(), "spec", "enableSuperuserAccess").orElse(false))) {
                problems.add(cluster.id() + ": publishes the superuser's password in a secret");
            }
            if (!production) {
                continue;
            }
            int instances = Documents.integer(cluster.body(), "spec", "instances").orElse(0);
            if (instances != 3) {
                problems.add(cluster.id() + ": " + instances + " instances, not 3");
            }
            Map<String, Object> synchronous = cluster.map("spec", "postgresql", "synchronous");
            int number = Documents.integer(synchronous, "number").orElse(0);
            String method = Documents.string(synchronous, "method").orElse("");
            String durability = Documents.string(synchronous, "dataDurability").orElse("required");
            if (number < 1 || !Set.of("any", "first").contains(method) || !durability.equals("required")) {
                problems.add(cluster.id() + ": no synchronous replica that every commit waits for "
                        + "(spec.postgresql.synchronous: " + synchronous + ")");
            }
            if (!"topology.kubernetes.io/zone".equals(Documents.string(cluster.body(), "spec", "affinity", "topologyKey").orElse(""))) {
                problems.add(cluster.id() + ": instances are not spread over zones (spec.affinity.topologyKey)");
            }
            // Backups: WAL archived continuously by the Barman Cloud plugin to an object store, and a base backup
            // on a schedule.
            Optional<Object> archiver = cluster.list("spec", "plugins").stream()
                    .filter(plugin -> BARMAN_PLUGIN.equals(Documents.string(plugin, "name").orElse(""))
                            && Boolean.TRUE.equals(Documents.at(plugin, "isWALArchiver").orElse(false)))
                    .findFirst();
            if (archiver.isEmpty()) {
                problems.add(cluster.id() + ": archives no WAL (no " + BARMAN_PLUGIN + " plugin with isWALArchiver)");
            } else {
                String storeName = Documents.string(archiver.get(), "parameters", "barmanObjectName").orElse("?");
                Optional<Manifest> store = rendered.find("ObjectStore", storeName);
                if (store.isEmpty()) {
                    problems.add(cluster.id() + ": its backups go to ObjectStore/" + storeName + ", which is not declared");
                } else {
                    problems.addAll(objectStore(store.get(), provided));
                }
            }
            boolean scheduled = rendered.ofKind("ScheduledBackup").anyMatch(backup ->
                    cluster.name().equals(Documents.string(backup.body(), "spec", "cluster", "name").orElse(""))
                            && "plugin".equals(Documents.string(backup.body(), "spec", "method").orElse(""))
                            && BARMAN_PLUGIN.equals(Documents.string(backup.body(), "spec", "pluginConfiguration", "name").orElse(""))
                            && Documents.string(backup.body(), "spec", "schedule").orElse("").trim().split("\\s+").length == 6);
            if (!scheduled) {
                problems.add(cluster.id() + ": no ScheduledBackup through the plugin (six-field schedule)");
            }
        }
        // Each service's connection: its own cluster's read-write service and database, TLS verified, its owner's
        // generated credentials.
        for (V1Deployment deployment : rendered.models(V1Deployment.class)) {
            String name = deployment.getMetadata().getName();
            String cluster = NetworkPolicyChecks.DATABASE_OF.get(name);
            if (cluster == null) {
                continue;
            }
            Map<String, String> environment = environment(rendered, deployment);
            String database = clusters.containsKey(cluster)
                    ? Documents.string(clusters.get(cluster).body(), "spec", "bootstrap", "initdb", "database").orElse("?") : "?";
            String r2dbc = environment.getOrDefault("SPRING_R2DBC_URL", "");
            String jdbc = environment.getOrDefault("SPRING_FLYWAY_URL", "");
            if (!r2dbc.startsWith("r2dbc:postgresql://" + cluster + "-rw:5432/" + database + "?")
                    || !r2dbc.contains("sslMode=verify-full")) {
                problems.add("Deployment/" + name + ": SPRING_R2DBC_URL " + r2dbc + " is not " + cluster
                        + "-rw's database " + database + " with sslMode=verify-full");
            }
            if (!jdbc.startsWith("jdbc:postgresql://" + cluster + "-rw:5432/" + database + "?")
                    || !jdbc.contains("sslmode=verify-full")) {
                problems.add("Deployment/" + name + ": SPRING_FLYWAY_URL " + jdbc + " is not " + cluster
                        + "-rw's database " + database + " with sslmode=verify-full");
            }
            for (String variable : List.of("SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD", "SPRING_FLYWAY_USER",
                    "SPRING_FLYWAY_PASSWORD")) {
                String secret = secretOf(deployment, variable);
                if (!(cluster + "-app").equals(secret)) {
                    problems.add("Deployment/" + name + ": " + variable + " comes from " + secret + ", not from the "
                            + "operator's " + cluster + "-app");
                }
            }
        }
        return problems;
    }

    private static List<String> objectStore(Manifest store, Map<String, String> provided) {
        List<String> problems = new ArrayList<>();
        String destination = Documents.string(store.body(), "spec", "configuration", "destinationPath").orElse("");
        if (!destination.matches("(s3|gs|https)://.+")) {
            problems.add(store.id() + ": no object storage destination (" + destination + ")");
        }
        if (Documents.string(store.body(), "spec", "retentionPolicy").isEmpty()) {
            problems.add(store.id() + ": keeps backups forever (no retentionPolicy)");
        }
        for (String key : List.of("accessKeyId", "secretAccessKey")) {
            String secret = Documents.string(store.body(), "spec", "configuration", "s3Credentials", key, "name").orElse("");
            if (!provided.containsKey(secret)) {
                problems.add(store.id() + ": its " + key + " comes from " + secret + ", which nothing provides");
            }
        }
        return problems;
    }

    // ---- Keycloak --------------------------------------------------------------------------------------------

    static List<String> keycloak(RenderedManifests rendered, boolean production) {
        List<String> problems = new ArrayList<>();
        List<Manifest> keycloaks = rendered.ofKind("Keycloak").toList();
        if (keycloaks.size() != 1) {
            return List.of(keycloaks.size() + " Keycloaks, not 1");
        }
        Manifest keycloak = keycloaks.get(0);
        String version = System.getProperty("teletherapy.keycloak.version");
        if (version == null || version.isBlank()) {
            problems.add("the build passes no teletherapy.keycloak.version (the root POM's keycloak.version)");
        } else if (!("quay.io/keycloak/keycloak:" + version).equals(Documents.string(keycloak.body(), "spec", "image").orElse(""))) {
            problems.add(keycloak.id() + ": runs " + Documents.string(keycloak.body(), "spec", "image").orElse("the operator's default")
                    + ", not the platform's Keycloak " + version);
        }
        int instances = Documents.integer(keycloak.body(), "spec", "instances").orElse(1);
        if (production && instances < 2) {
            problems.add(keycloak.id() + ": " + instances + " instance; sign-in would stop with it");
        }
        if (!"keycloak-db-app".equals(Documents.string(keycloak.body(), "spec", "db", "usernameSecret", "name").orElse(""))
                || !"keycloak-db-app".equals(Documents.string(keycloak.body(), "spec", "db", "passwordSecret", "name").orElse(""))
                || !Documents.string(keycloak.body(), "spec", "db", "url").orElse("").startsWith("jdbc:postgresql://keycloak-db-rw:5432/keycloak")) {
            problems.add(keycloak.id() + ": not on its CloudNativePG cluster keycloak-db with the operator's credentials");
        }
        String hostname = Documents.string(keycloak.body(), "spec", "hostname", "hostname").orElse("");
        String identityHost = ingressHost(rendered, "keycloak").orElse("?");
        if (!hostname.equals("https://" + identityHost)) {
            problems.add(keycloak.id() + ": hostname " + hostname + " is not its Ingress's https://" + identityHost);
        }
        String issuer = platformConfig(rendered).getOrDefault("TELETHERAPY_ISSUER_URI", "");
        if (!issuer.equals(hostname + "/realms/teletherapy")) {
            problems.add("platform-config: TELETHERAPY_ISSUER_URI " + issuer + " is not Keycloak's issuer " + hostname
                    + "/realms/teletherapy");
        }
        if (!"xforwarded".equals(Documents.string(keycloak.body(), "spec", "proxy", "headers").orElse(""))) {
            problems.add(keycloak.id() + ": behind the ingress, but reads no proxy headers");
        }
        return problems;
    }

    static List<String> realmImport(RenderedManifests rendered) {
        List<String> problems = new ArrayList<>();
        List<Manifest> imports = rendered.ofKind("KeycloakRealmImport").toList();
        if (imports.size() != 1) {
            return List.of(imports.size() + " KeycloakRealmImports, not 1");
        }
        Manifest realmImport = imports.get(0);
        String keycloak = rendered.ofKind("Keycloak").map(Manifest::name).findFirst().orElse("?");
        if (!keycloak.equals(Documents.string(realmImport.body(), "spec", "keycloakCRName").orElse(""))) {
            problems.add(realmImport.id() + ": imports into no Keycloak of these manifests");
        }
        Map<String, Object> realm = realmImport.map("spec", "realm");
        String appHost = ingressHost(rendered, "gateway").orElse("?");

        // No demo users, no passwords, no public script client.
        for (Object user : Documents.list(realm, "users")) {
            if (Documents.string(user, "serviceAccountClientId").isEmpty() || !Documents.list(user, "credentials").isEmpty()) {
                problems.add(realmImport.id() + ": imports the user " + Documents.string(user, "username").orElse("?")
                        + "; the production realm has service accounts only");
            }
        }
        for (Object client : Documents.list(realm, "clients")) {
            String clientId = Documents.string(client, "clientId").orElse("?");
            if (Boolean.TRUE.equals(Documents.at(client, "directAccessGrantsEnabled").orElse(false))
                    || Boolean.TRUE.equals(Documents.at(client, "publicClient").orElse(false))) {
                problems.add(realmImport.id() + ": client " + clientId + " takes passwords directly or has no secret");
            }
            String secret = Documents.string(client, "secret").orElse("");
            if (!Boolean.TRUE.equals(Documents.at(client, "publicClient").orElse(false)) && !PLACEHOLDER.matcher(secret).matches()) {
                problems.add(realmImport.id() + ": client " + clientId + "'s secret is not a placeholder");
            }
        }

        // The browser client leads back to the platform's host, and only there.
        Map<String, Object> browser = Documents.list(realm, "clients").stream()
                .filter(client -> "teletherapy-gateway".equals(Documents.string(client, "clientId").orElse("")))
                .map(client -> Documents.map(client)).findFirst().orElse(Map.of());
        String base = "https://" + appHost;
        if (!List.of(base + "/*").equals(Documents.list(browser, "redirectUris"))
                || !base.equals(Documents.string(browser, "rootUrl").orElse(""))
                || !(base + "/*").equals(Documents.string(browser, "attributes", "post.logout.redirect.uris").orElse(""))) {
            problems.add(realmImport.id() + ": teletherapy-gateway's redirect addresses "
                    + Documents.list(browser, "redirectUris") + " are not the platform's host " + base + "/*");
        }

        // Every placeholder is filled from a secret that is provided.
        Map<String, Object> placeholders = realmImport.map("spec", "placeholders");
        Matcher matcher = PLACEHOLDER.matcher(new Yaml().dump(realm));
        Map<String, String> provided = ProvidedSecrets.in(rendered);
        while (matcher.find()) {
            String placeholder = matcher.group(1);
            String secret = Documents.string(placeholders, placeholder, "secret", "name").orElse(null);
            if (secret == null) {
                problems.add(realmImport.id() + ": ${" + placeholder + "} is filled from nothing");
            } else if (!provided.containsKey(secret)) {
                problems.add(realmImport.id() + ": ${" + placeholder + "} comes from " + secret + ", which nothing provides");
            }
        }

        // Derived from the production template: the same, but for the host, the secrets' placeholders and the mail.
        Map<String, Object> template = productionTemplate();
        Map<String, Object> comparable = comparableRealm(realm, appHost);
        if (!template.equals(comparable)) {
            problems.add(realmImport.id() + ": its realm differs from keycloak/teletherapy-realm.production-template.json"
                    + " in more than the host, the client secrets and smtpServer; regenerate it from the template");
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> productionTemplate() {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(
                Repository.root().resolve("keycloak/teletherapy-realm.production-template.json")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparableRealm(Map<String, Object> realm, String appHost) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        String text = yaml.dump(realm).replace(appHost, "CHANGE-ME.example.org");
        Map<String, Object> copy = (Map<String, Object>) yaml.load(text);
        copy.remove("smtpServer");
        for (Object client : Documents.list(copy, "clients")) {
            ((Map<String, Object>) client).remove("secret");
        }
        return copy;
    }

    // ---- External secrets ------------------------------------------------------------------------------------

    static List<String> externalSecrets(RenderedManifests rendered) {
        List<String> problems = new ArrayList<>();
        for (Manifest secret : rendered.ofKind("ExternalSecret").toList()) {
            if (!"external-secrets.io/v1".equals(secret.apiVersion())) {
                problems.add(secret.id() + ": " + secret.apiVersion() + " (the External Secrets operator serves v1)");
            }
            String storeKind = Documents.string(secret.body(), "spec", "secretStoreRef", "kind").orElse("SecretStore");
            if (Documents.string(secret.body(), "spec", "secretStoreRef", "name").isEmpty()
                    || !Set.of("SecretStore", "ClusterSecretStore").contains(storeKind)) {
                problems.add(secret.id() + ": names no secret store");
            }
            if (Documents.string(secret.body(), "spec", "target", "name").isEmpty()) {
                problems.add(secret.id() + ": names no target secret");
            }
            List<Object> data = secret.list("spec", "data");
            if (data.isEmpty() && secret.list("spec", "dataFrom").isEmpty()) {
                problems.add(secret.id() + ": fetches nothing");
            }
            for (Object entry : data) {
                if (Documents.string(entry, "secretKey").isEmpty() || Documents.string(entry, "remoteRef", "key").isEmpty()) {
                    problems.add(secret.id() + ": an entry without secretKey or remoteRef.key");
                }
            }
            if (Documents.at(secret.body(), "spec", "target", "template").isPresent()) {
                problems.add(secret.id() + ": a template, which could carry literal values into the secret");
            }
        }
        return problems;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    static Optional<String> ingressHost(RenderedManifests rendered, String ingress) {
        return rendered.models(V1Ingress.class).stream()
                .filter(candidate -> candidate.getMetadata().getName().equals(ingress))
                .map(candidate -> candidate.getSpec().getRules().get(0).getHost()).filter(Objects::nonNull).findFirst();
    }

    /** The generated name of platform-config (with kustomize's hash suffix). */
    static String platformConfigName(RenderedManifests rendered) {
        return rendered.models(V1ConfigMap.class).stream().map(configMap -> configMap.getMetadata().getName())
                .filter(name -> name.startsWith("platform-config")).findFirst().orElseThrow();
    }

    static Map<String, String> platformConfig(RenderedManifests rendered) {
        return rendered.models(V1ConfigMap.class).stream()
                .filter(configMap -> configMap.getMetadata().getName().startsWith("platform-config"))
                .map(configMap -> configMap.getData() == null ? Map.<String, String>of() : configMap.getData())
                .findFirst().orElse(Map.of());
    }

    /** What a Deployment's containers read from ConfigMaps. */
    static Map<String, String> environment(RenderedManifests rendered, V1Deployment deployment) {
        Map<String, String> environment = new HashMap<>();
        for (V1Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            if (container.getEnvFrom() == null) {
                continue;
            }
            container.getEnvFrom().stream().filter(source -> source.getConfigMapRef() != null).forEach(source ->
                    rendered.models(V1ConfigMap.class).stream()
                            .filter(configMap -> configMap.getMetadata().getName().equals(source.getConfigMapRef().getName()))
                            .filter(configMap -> configMap.getData() != null)
                            .forEach(configMap -> environment.putAll(configMap.getData())));
        }
        return environment;
    }

    private static String secretOf(V1Deployment deployment, String variable) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(container -> container.getEnv() == null ? java.util.stream.Stream.<V1EnvVar>empty() : container.getEnv().stream())
                .filter(candidate -> candidate.getName().equals(variable))
                .map(candidate -> candidate.getValueFrom() == null || candidate.getValueFrom().getSecretKeyRef() == null
                        ? "a literal value" : candidate.getValueFrom().getSecretKeyRef().getName())
                .findFirst().orElse("nowhere");
    }
}
