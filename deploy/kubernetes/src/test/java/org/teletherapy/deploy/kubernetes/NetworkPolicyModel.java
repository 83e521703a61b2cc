package org.teletherapy.deploy.kubernetes;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1IPBlock;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;

import java.util.List;
import java.util.Map;

/**
 * The NetworkPolicy semantics of the Kubernetes API, applied to the policies a namespace has, so that a test can ask
 * whether one endpoint may open a connection to another on a port: allowed when the source's egress and the
 * destination's ingress both allow it (a side that no policy of that direction selects is not isolated).
 */
final class NetworkPolicyModel {

    /**
     * A pod (namespace, labels, its named ports and an address in the pod network) or an address outside the cluster.
     */
    record Endpoint(String description, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts,
                    String ip) {

        static Endpoint pod(String description, String namespace, Map<String, String> labels,
                            Map<String, Integer> namedPorts) {
            // Pods have addresses too, and an ipBlock of 0.0.0.0/0 covers them on most network plugins.
            return new Endpoint(description, namespace, labels, namedPorts, "10.244.1.23");
        }

        static Endpoint external(String description, String ip) {
            return new Endpoint(description, null, Map.of(), Map.of(), ip);
        }

        boolean isPod() {
            return namespace != null;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** A policy and the namespace it is in (its selectors without a namespace selector mean that namespace). */
    record NamespacedPolicy(String namespace, V1NetworkPolicy policy) {
    }

    private final List<NamespacedPolicy> policies;

    NetworkPolicyModel(List<NamespacedPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return egressAllowed(from, to, port, protocol) && ingressAllowed(from, to, port, protocol);
    }

    private boolean egressAllowed(Endpoint from, Endpoint to, int port, String protocol) {
        if (!from.isPod()) {
            return true;
        }
        List<NamespacedPolicy> isolating = policies.stream()
                .filter(candidate -> candidate.namespace().equals(from.namespace()))
                .filter(candidate -> Labels.matches(candidate.policy().getSpec().getPodSelector(), from.labels()))
                .filter(candidate -> hasType(candidate.policy(), "Egress"))
                .toList();
        if (isolating.isEmpty()) {
            return true;
        }
        for (NamespacedPolicy candidate : isolating) {
            List<V1NetworkPolicyEgressRule> rules = candidate.policy().getSpec().getEgress();
            for (V1NetworkPolicyEgressRule rule : rules == null ? List.<V1NetworkPolicyEgressRule>of() : rules) {
                if (peersMatch(rule.getTo(), to, candidate.namespace()) && portsMatch(rule.getPorts(), to, port, protocol)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean ingressAllowed(Endpoint from, Endpoint to, int port, String protocol) {
        if (!to.isPod()) {
            return true;
        }
        List<NamespacedPolicy> isolating = policies.stream()
                .filter(candidate -> candidate.namespace().equals(to.namespace()))
                .filter(candidate -> Labels.matches(candidate.policy().getSpec().getPodSelector(), to.labels()))
                .filter(candidate -> hasType(candidate.policy(), "Ingress"))
                .toList();
        if (isolating.isEmpty()) {
            return true;
        }
        for (NamespacedPolicy candidate : isolating) {
            List<V1NetworkPolicyIngressRule> rules = candidate.policy().getSpec().getIngress();
            for (V1NetworkPolicyIngressRule rule : rules == null ? List.<V1NetworkPolicyIngressRule>of() : rules) {
                if (peersMatch(rule.getFrom(), from, candidate.namespace()) && portsMatch(rule.getPorts(), to, port, protocol)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** policyTypes, or the API's default when it is left out: Ingress always, Egress when there are egress rules. */
    private static boolean hasType(V1NetworkPolicy policy, String type) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types == null || types.isEmpty()) {
            return type.equals("Ingress") || policy.getSpec().getEgress() != null;
        }
        return types.contains(type);
    }

    /** No peers (an absent or empty list) means every source or destination. */
    private static boolean peersMatch(List<V1NetworkPolicyPeer> peers, Endpoint endpoint, String policyNamespace) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, endpoint, policyNamespace));
    }

    private static boolean peerMatches(V1NetworkPolicyPeer peer, Endpoint endpoint, String policyNamespace) {
        if (peer.getIpBlock() != null) {
            return endpoint.ip() != null && inBlock(endpoint.ip(), peer.getIpBlock());
        }
        if (!endpoint.isPod()) {
            return false;
        }
        V1LabelSelector namespaces = peer.getNamespaceSelector();
        boolean namespaceMatches = namespaces == null
                ? endpoint.namespace().equals(policyNamespace)
                : Labels.matches(namespaces, Map.of("kubernetes.io/metadata.name", endpoint.namespace()));
        V1LabelSelector pods = peer.getPodSelector();
        return namespaceMatches && (pods == null || Labels.matches(pods, endpoint.labels()));
    }

    private static boolean portsMatch(List<V1NetworkPolicyPort> ports, Endpoint to, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (V1NetworkPolicyPort rule : ports) {
            String ruleProtocol = rule.getProtocol() == null ? "TCP" : rule.getProtocol();
            if (!ruleProtocol.equals(protocol)) {
                continue;
            }
            IntOrString rulePort = rule.getPort();
            if (rulePort == null) {
                return true;
            }
            if (rulePort.isInteger()) {
                int first = rulePort.getIntValue();
                int last = rule.getEndPort() == null ? first : rule.getEndPort();
                if (port >= first && port <= last) {
                    return true;
                }
            } else if (Integer.valueOf(port).equals(to.namedPorts().get(rulePort.getStrValue()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inBlock(String ip, V1IPBlock block) {
        if (!inCidr(ip, block.getCidr())) {
            return false;
        }
        return block.getExcept() == null || block.getExcept().stream().noneMatch(except -> inCidr(ip, except));
    }

    /** IPv4 only, which is what these policies use. */
    private static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
    }

    private static long toLong(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }
}
