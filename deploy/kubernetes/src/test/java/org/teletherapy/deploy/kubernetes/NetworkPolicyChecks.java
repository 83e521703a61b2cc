package org.teletherapy.deploy.kubernetes;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import org.teletherapy.deploy.kubernetes.NetworkPolicyModel.Endpoint;
import org.teletherapy.deploy.kubernetes.NetworkPolicyModel.NamespacedPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's traffic, flow by flow: what must be allowed (ingress controller to gateway, gateway to the services
 * and the web app, each service to its own database, Kafka and Keycloak, DNS, Prometheus, the operators) and what must
 * not (a way around the gateway, another service's database, the internet, a pod nobody declared).
 */
final class NetworkPolicyChecks {

    static final String NAMESPACE = "teletherapy";

    /** A connection, and whether the policies must allow it. */
    record Flow(Endpoint from, Endpoint to, int port, String protocol) {
        @Override
        public String toString() {
            return from + " -> " + to + ":" + port + "/" + protocol;
        }
    }

    /** The application that owns each database (postgres/clusters.yaml), as the services' R2DBC URLs name it. */
    static final Map<String, String> DATABASE_OF = Map.of(
            "sessions-service", "sessions-db",
            "notes-service", "notes-db",
            "exercises-service", "exercises-db",
            "notifications-service", "notifications-db");

    private final Map<String, Endpoint> applications = new LinkedHashMap<>();
    private final Endpoint ingressController = Endpoint.pod("the ingress controller", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of());
    private final Endpoint prometheus = Endpoint.pod("Prometheus", "monitoring",
            Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
    private final Endpoint dns = Endpoint.pod("the cluster DNS", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
    private final Endpoint postgresOperator = Endpoint.pod("the CloudNativePG operator", "cnpg-system",
            Map.of("app.kubernetes.io/name", "cloudnative-pg"), Map.of());
    private final Endpoint broker = Endpoint.pod("a Kafka broker", NAMESPACE, Map.of("strimzi.io/cluster", "teletherapy",
            "strimzi.io/kind", "Kafka", "strimzi.io/name", "teletherapy-kafka", "strimzi.io/pool-name", "brokers",
            "app.kubernetes.io/part-of", "teletherapy"), Map.of());
    private final Endpoint keycloak = Endpoint.pod("Keycloak", NAMESPACE, Map.of("app", "keycloak",
            "app.kubernetes.io/instance", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator"), Map.of());
    private final Endpoint strayPod = Endpoint.pod("a pod nobody declared", NAMESPACE, Map.of("run", "debug"), Map.of());
    private final Endpoint otherNamespace = Endpoint.pod("a pod of another namespace", "other",
            Map.of("app.kubernetes.io/name", "gateway"), Map.of());
    private final Endpoint mailRelay = Endpoint.external("the mail relay", "203.0.113.25");
    private final Endpoint internet = Endpoint.external("the internet", "198.51.100.7");

    private final NetworkPolicyModel model;

    NetworkPolicyChecks(RenderedManifests rendered) {
        for (V1Deployment deployment : rendered.models(V1Deployment.class)) {
            Map<String, Integer> ports = new HashMap<>();
            for (V1Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (V1ContainerPort port : container.getPorts() == null ? List.<V1ContainerPort>of() : container.getPorts()) {
                    if (port.getName() != null) {
                        ports.put(port.getName(), port.getContainerPort());
                    }
                }
            }
            String name = deployment.getMetadata().getName();
            applications.put(name, Endpoint.pod(name, NAMESPACE,
                    deployment.getSpec().getTemplate().getMetadata().getLabels(), ports));
        }
        List<NamespacedPolicy> policies = new ArrayList<>();
        for (V1NetworkPolicy policy : rendered.models(V1NetworkPolicy.class)) {
            policies.add(new NamespacedPolicy(policy.getMetadata().getNamespace(), policy));
        }
        policies.addAll(strimziListenerPolicies(rendered));
        this.model = new NetworkPolicyModel(policies);
    }

    /**
     * The ingress policies Strimzi writes for the Kafka pods: per listener, from the listener's networkPolicyPeers
     * (from everywhere when it names none).
     */
    private static List<NamespacedPolicy> strimziListenerPolicies(RenderedManifests rendered) {
        List<NamespacedPolicy> policies = new ArrayList<>();
        rendered.ofKind("Kafka").forEach(kafka -> {
            List<V1NetworkPolicyIngressRule> rules = new ArrayList<>();
            for (Object listener : kafka.list("spec", "kafka", "listeners")) {
                List<V1NetworkPolicyPeer> peers = new ArrayList<>();
                for (Object peer : Documents.list(listener, "networkPolicyPeers")) {
                    peers.add(io.kubernetes.client.openapi.JSON.getGson().fromJson(
                            io.kubernetes.client.openapi.JSON.getGson().toJson(peer), V1NetworkPolicyPeer.class));
                }
                int port = Documents.integer(listener, "port").orElseThrow();
                rules.add(new V1NetworkPolicyIngressRule().from(peers)
                        .ports(List.of(new V1NetworkPolicyPort().protocol("TCP").port(new IntOrString(port)))));
            }
            V1NetworkPolicy policy = new V1NetworkPolicy()
                    .metadata(new V1ObjectMeta().name(kafka.name() + "-network-policy-kafka"))
                    .spec(new V1NetworkPolicySpec()
                            .podSelector(new V1LabelSelector().matchLabels(Map.of(
                                    "strimzi.io/cluster", kafka.name(), "strimzi.io/kind", "Kafka")))
                            .policyTypes(List.of("Ingress"))
                            .ingress(rules));
            policies.add(new NamespacedPolicy(Documents.string(kafka.body(), "metadata", "namespace").orElse(NAMESPACE),
                    policy));
        });
        return policies;
    }

    Endpoint application(String name) {
        Endpoint endpoint = applications.get(name);
        if (endpoint == null) {
            throw new AssertionError("no Deployment " + name + " rendered");
        }
        return endpoint;
    }

    static Endpoint database(String cluster) {
        return Endpoint.pod("database " + cluster, NAMESPACE, Map.of("cnpg.io/cluster", cluster,
                "cnpg.io/instanceRole", "primary", "app.kubernetes.io/part-of", "teletherapy"), Map.of());
    }

    List<Flow> requiredFlows() {
        List<Flow> flows = new ArrayList<>();
        Endpoint gateway = application("gateway");
        Endpoint web = application("web");
        flows.add(tcp(ingressController, gateway, 8080));
        flows.add(tcp(ingressController, keycloak, 8080));
        flows.add(tcp(gateway, application("sessions-service"), 8081));
        flows.add(tcp(gateway, application("notes-service"), 8082));
        flows.add(tcp(gateway, application("exercises-service"), 8083));
        flows.add(tcp(gateway, application("notifications-service"), 8084));
        flows.add(tcp(gateway, web, 8085));
        flows.add(tcp(gateway, keycloak, 8080));
        flows.add(tcp(gateway, keycloak, 9000));
        flows.add(tcp(web, gateway, 8080));
        flows.add(tcp(web, keycloak, 8080));
        flows.add(tcp(web, broker, 9093));
        DATABASE_OF.forEach((service, cluster) -> {
            flows.add(tcp(application(service), database(cluster), 5432));
            flows.add(tcp(application(service), broker, 9093));
            flows.add(tcp(application(service), keycloak, 8080));
            flows.add(tcp(postgresOperator, database(cluster), 8000));
            flows.add(tcp(database(cluster), database(cluster), 5432));
            flows.add(tcp(prometheus, database(cluster), 9187));
        });
        flows.add(tcp(application("notifications-service"), mailRelay, 587));
        flows.add(tcp(keycloak, database("keycloak-db"), 5432));
        flows.add(tcp(keycloak, keycloak, 7800));
        flows.add(tcp(keycloak, mailRelay, 587));
        flows.add(tcp(prometheus, keycloak, 9000));
        int management = 9080;
        for (String name : Platform.APPLICATIONS) {
            Endpoint application = application(name);
            flows.add(tcp(prometheus, application, application.namedPorts().getOrDefault("management", management)));
            flows.add(new Flow(application, dns, 53, "UDP"));
            flows.add(new Flow(application, dns, 53, "TCP"));
        }
        flows.add(new Flow(broker, dns, 53, "UDP"));
        flows.add(new Flow(keycloak, dns, 53, "UDP"));
        return flows;
    }

    List<Flow> forbiddenFlows() {
        List<Flow> flows = new ArrayList<>();
        Endpoint gateway = application("gateway");
        Endpoint web = application("web");
        // Around the gateway.
        flows.add(tcp(ingressController, application("sessions-service"), 8081));
        flows.add(tcp(ingressController, web, 8085));
        flows.add(tcp(ingressController, gateway, 9080));
        flows.add(tcp(web, application("sessions-service"), 8081));
        flows.add(tcp(web, application("notes-service"), 8082));
        // Service to service, and into databases that are not one's own.
        flows.add(tcp(application("sessions-service"), application("notes-service"), 8082));
        flows.add(tcp(application("notes-service"), database("sessions-db"), 5432));
        flows.add(tcp(application("exercises-service"), database("notes-db"), 5432));
        flows.add(tcp(application("notifications-service"), database("keycloak-db"), 5432));
        flows.add(tcp(web, database("sessions-db"), 5432));
        flows.add(tcp(gateway, database("sessions-db"), 5432));
        flows.add(tcp(gateway, broker, 9093));
        // The public port is not for Prometheus, the management port not for anyone else.
        flows.add(tcp(prometheus, application("sessions-service"), 8081));
        flows.add(tcp(gateway, application("sessions-service"), 9081));
        // The internet.
        flows.add(tcp(application("sessions-service"), internet, 443));
        flows.add(tcp(application("notes-service"), internet, 443));
        flows.add(tcp(application("notifications-service"), internet, 443));
        flows.add(tcp(gateway, internet, 443));
        flows.add(tcp(web, internet, 80));
        // Pods nobody declared, here or elsewhere.
        flows.add(tcp(strayPod, gateway, 8080));
        flows.add(tcp(strayPod, broker, 9093));
        flows.add(tcp(strayPod, database("notes-db"), 5432));
        flows.add(tcp(strayPod, keycloak, 8080));
        flows.add(tcp(strayPod, internet, 443));
        flows.add(tcp(otherNamespace, gateway, 8080));
        flows.add(tcp(otherNamespace, database("notes-db"), 5432));
        flows.add(tcp(otherNamespace, broker, 9093));
        flows.add(tcp(otherNamespace, keycloak, 8080));
        flows.add(tcp(otherNamespace, strayPod, 8080));
        return flows;
    }

    /** Every flow on the wrong side of the policies. */
    List<String> violations() {
        List<String> problems = new ArrayList<>();
        for (Flow flow : requiredFlows()) {
            if (!model.allows(flow.from(), flow.to(), flow.port(), flow.protocol())) {
                problems.add("refused, but needed: " + flow);
            }
        }
        for (Flow flow : forbiddenFlows()) {
            if (model.allows(flow.from(), flow.to(), flow.port(), flow.protocol())) {
                problems.add("allowed, but must not be: " + flow);
            }
        }
        return problems;
    }

    private static Flow tcp(Endpoint from, Endpoint to, int port) {
        return new Flow(from, to, port, "TCP");
    }
}
