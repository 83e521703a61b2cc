package org.teletherapy.deploy.kubernetes;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

import java.math.BigDecimal;
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

/**
 * What every application's Deployment must have, as a list of what is wrong (empty when all is well), so that a test
 * can also feed it a broken document and see it refused.
 */
final class WorkloadChecks {

    static final String READINESS_PATH = "/actuator/health/readiness";
    static final String LIVENESS_PATH = "/actuator/health/liveness";

    /** The JVM's own memory caps, whose sum the container's memory limit must exceed. */
    private static final Pattern JVM_CAP = Pattern.compile(
            "-(?:Xmx|XX:MaxMetaspaceSize=|XX:ReservedCodeCacheSize=|XX:MaxDirectMemorySize=)(\\d+)([kKmMgG]?)");
    /** Thread stacks, the garbage collector's and the JIT's own memory: beyond the caps, at least this much. */
    private static final long JVM_OVERHEAD_BYTES = 64L * 1024 * 1024;

    static List<String> violations(RenderedManifests rendered) {
        List<String> problems = new ArrayList<>();
        List<V1Deployment> deployments = rendered.models(V1Deployment.class);
        Set<String> names = new TreeSet<>();
        deployments.forEach(deployment -> names.add(deployment.getMetadata().getName()));
        if (!names.equals(new TreeSet<>(Platform.APPLICATIONS))) {
            problems.add("the Deployments are " + names + ", not one per application " + Platform.APPLICATIONS);
        }
        Map<String, String> providedSecrets = ProvidedSecrets.in(rendered);
        for (V1Deployment deployment : deployments) {
            problems.addAll(deploymentViolations(deployment, rendered, providedSecrets));
        }
        return problems;
    }

    /** Production runs at least two of everything. */
    static List<String> productionViolations(RenderedManifests rendered) {
        List<String> problems = new ArrayList<>();
        for (V1Deployment deployment : rendered.models(V1Deployment.class)) {
            String name = deployment.getMetadata().getName();
            autoscalerOf(rendered, name).ifPresent(autoscaler -> {
                Integer min = autoscaler.getSpec().getMinReplicas();
                if (min == null || min < 2) {
                    problems.add("Deployment/" + name + ": production needs at least 2 instances, its "
                            + "HorizontalPodAutoscaler keeps " + min);
                }
            });
        }
        return problems;
    }

    static Optional<V2HorizontalPodAutoscaler> autoscalerOf(RenderedManifests rendered, String deployment) {
        return rendered.models(V2HorizontalPodAutoscaler.class).stream()
                .filter(autoscaler -> "Deployment".equals(autoscaler.getSpec().getScaleTargetRef().getKind())
                        && "apps/v1".equals(autoscaler.getSpec().getScaleTargetRef().getApiVersion())
                        && deployment.equals(autoscaler.getSpec().getScaleTargetRef().getName()))
                .findFirst();
    }

    private static List<String> deploymentViolations(V1Deployment deployment, RenderedManifests rendered,
                                                     Map<String, String> providedSecrets) {
        List<String> problems = new ArrayList<>();
        String name = deployment.getMetadata().getName();
        String id = "Deployment/" + name;
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata() == null
                || deployment.getSpec().getTemplate().getMetadata().getLabels() == null
                ? Map.of() : deployment.getSpec().getTemplate().getMetadata().getLabels();
        V1PodSpec pod = deployment.getSpec().getTemplate().getSpec();

        if (Labels.isEmpty(deployment.getSpec().getSelector())
                || !Labels.matches(deployment.getSpec().getSelector(), podLabels)) {
            problems.add(id + ": its selector does not select its own pod template's labels " + podLabels);
        }
        if (deployment.getSpec().getReplicas() != null) {
            problems.add(id + ": sets replicas (" + deployment.getSpec().getReplicas()
                    + "), which its HorizontalPodAutoscaler owns; every apply would set the count back");
        }

        problems.addAll(podViolations(id, pod, podLabels));
        Map<String, String> environment = environmentFromConfigMaps(id, pod, rendered, problems);
        for (V1Container container : pod.getContainers()) {
            problems.addAll(containerViolations(id, name, container, pod, environment));
        }
        problems.addAll(referencedSecretViolations(id, pod, providedSecrets));

        // A PodDisruptionBudget that selects the pods and still lets a drain take one.
        List<V1PodDisruptionBudget> budgets = rendered.models(V1PodDisruptionBudget.class).stream()
                .filter(budget -> Labels.matches(budget.getSpec().getSelector(), podLabels)).toList();
        if (budgets.size() != 1) {
            problems.add(id + ": " + budgets.size() + " PodDisruptionBudgets select its pods, not 1");
        } else {
            V1PodDisruptionBudget budget = budgets.get(0);
            IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
            IntOrString minAvailable = budget.getSpec().getMinAvailable();
            boolean letsOneGo = maxUnavailable != null && (maxUnavailable.isInteger()
                    ? maxUnavailable.getIntValue() >= 1 : !maxUnavailable.getStrValue().equals("0%"));
            if (!letsOneGo && minAvailable == null) {
                problems.add(id + ": its PodDisruptionBudget lets no pod be evicted, so no node can be drained");
            }
            if (minAvailable != null) {
                problems.add(id + ": its PodDisruptionBudget sets minAvailable, which blocks every drain while the "
                        + "autoscaler runs the minimum; use maxUnavailable");
            }
        }

        // A HorizontalPodAutoscaler (autoscaling/v2) owns the count.
        Optional<V2HorizontalPodAutoscaler> autoscaler = autoscalerOf(rendered, name);
        if (autoscaler.isEmpty()) {
            problems.add(id + ": no autoscaling/v2 HorizontalPodAutoscaler targets it");
        } else {
            var spec = autoscaler.get().getSpec();
            if (spec.getMinReplicas() == null || spec.getMinReplicas() < 1 || spec.getMaxReplicas() < spec.getMinReplicas()) {
                problems.add(id + ": its autoscaler's range " + spec.getMinReplicas() + ".." + spec.getMaxReplicas()
                        + " is not a range");
            }
            if (spec.getMetrics() == null || spec.getMetrics().isEmpty()) {
                problems.add(id + ": its autoscaler has no metric to scale on");
            }
        }

        // A Service in front, whose ports lead to ports the container has.
        List<V1Service> services = rendered.models(V1Service.class).stream()
                .filter(service -> service.getSpec().getSelector() != null
                        && podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()))
                .toList();
        if (services.isEmpty()) {
            problems.add(id + ": no Service selects its pods");
        }
        for (V1Service service : services) {
            for (V1ServicePort port : service.getSpec().getPorts()) {
                if (resolvePort(pod, port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort())
                        .isEmpty()) {
                    problems.add("Service/" + service.getMetadata().getName() + ": port " + port.getName()
                            + " leads to " + port.getTargetPort() + ", which no container of " + id + " has");
                }
            }
        }
        return problems;
    }

    private static List<String> podViolations(String id, V1PodSpec pod, Map<String, String> podLabels) {
        List<String> problems = new ArrayList<>();
        V1PodSecurityContext security = pod.getSecurityContext();
        if (security == null || !Boolean.TRUE.equals(security.getRunAsNonRoot())) {
            problems.add(id + ": the pod does not require runAsNonRoot");
        }
        if (security == null || security.getSeccompProfile() == null
                || !"RuntimeDefault".equals(security.getSeccompProfile().getType())) {
            problems.add(id + ": the pod has no seccomp profile RuntimeDefault");
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            problems.add(id + ": mounts a service account token it never uses");
        }
        List<V1TopologySpreadConstraint> spread =
                pod.getTopologySpreadConstraints() == null ? List.of() : pod.getTopologySpreadConstraints();
        boolean acrossZones = spread.stream().anyMatch(constraint ->
                "topology.kubernetes.io/zone".equals(constraint.getTopologyKey())
                        && Labels.matches(constraint.getLabelSelector(), podLabels));
        if (!acrossZones) {
            problems.add(id + ": no topology spread constraint across zones (topology.kubernetes.io/zone) that "
                    + "selects its own pods");
        }
        return problems;
    }

    private static List<String> containerViolations(String id, String application, V1Container container,
                                                    V1PodSpec pod, Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        String where = id + " container " + container.getName();

        problems.addAll(imageViolations(where, container.getImage()));
        if (container.getImage() != null && !container.getImage().startsWith(Platform.imageRepository(application) + ":")
                && !container.getImage().startsWith(Platform.imageRepository(application) + "@")) {
            problems.add(where + ": runs " + container.getImage() + ", not the module's image "
                    + Platform.imageRepository(application));
        }

        // Probes on the actuator's health groups, on the management port the application itself listens on.
        int managementPort = Repository.setting(application, "management.server.port")
                .map(value -> Integer.parseInt(String.valueOf(value))).orElse(-1);
        int httpPort = Repository.setting(application, "server.port")
                .map(value -> Integer.parseInt(String.valueOf(value))).orElse(-1);
        problems.addAll(probeViolations(where, "readiness", container.getReadinessProbe(), READINESS_PATH, pod,
                managementPort));
        problems.addAll(probeViolations(where, "liveness", container.getLivenessProbe(), LIVENESS_PATH, pod,
                managementPort));
        if (ports(container).values().stream().noneMatch(port -> port == httpPort)) {
            problems.add(where + ": does not expose " + application + "'s server.port " + httpPort);
        }
        if (!"0.0.0.0".equals(environment.get("TELETHERAPY_MANAGEMENT_ADDRESS"))) {
            problems.add(where + ": the management port stays on loopback (TELETHERAPY_MANAGEMENT_ADDRESS is "
                    + environment.get("TELETHERAPY_MANAGEMENT_ADDRESS") + "), where kubelet's probes cannot reach it");
        }

        // Requests and limits, and a memory limit above what the JVM may take by its own settings.
        var resources = container.getResources();
        Map<String, Quantity> requests = resources == null || resources.getRequests() == null ? Map.of() : resources.getRequests();
        Map<String, Quantity> limits = resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = requests.get(resource);
            Quantity limit = limits.get(resource);
            if (request == null || limit == null) {
                problems.add(where + ": no " + resource + " request and limit (" + request + ", " + limit + ")");
            } else if (limit.getNumber().compareTo(request.getNumber()) < 0) {
                problems.add(where + ": its " + resource + " limit is below its request");
            }
        }
        Quantity memoryLimit = limits.get("memory");
        String jvmOptions = environment.getOrDefault("JAVA_TOOL_OPTIONS", "");
        long jvmBytes = jvmCapsBytes(jvmOptions);
        if (!jvmOptions.contains("-Xmx")) {
            problems.add(where + ": JAVA_TOOL_OPTIONS sets no -Xmx, so the heap follows the container and the measured "
                    + "figures do not apply");
        } else if (memoryLimit != null && memoryLimit.getNumber().compareTo(BigDecimal.valueOf(jvmBytes + JVM_OVERHEAD_BYTES)) < 0) {
            problems.add(where + ": memory limit " + memoryLimit.toSuffixedString() + " leaves less than 64 MiB beyond "
                    + "the JVM's own caps (" + jvmBytes / (1024 * 1024) + " MiB): the kernel would kill it before "
                    + "the JVM says why");
        }

        // Locked down.
        V1SecurityContext security = container.getSecurityContext();
        if (security == null) {
            problems.add(where + ": no securityContext");
        } else {
            if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                problems.add(where + ": allows privilege escalation");
            }
            if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                problems.add(where + ": its root file system is writable");
            }
            if (security.getCapabilities() == null || security.getCapabilities().getDrop() == null
                    || !security.getCapabilities().getDrop().contains("ALL")) {
                problems.add(where + ": does not drop ALL capabilities");
            }
            if (security.getCapabilities() != null && security.getCapabilities().getAdd() != null
                    && !security.getCapabilities().getAdd().isEmpty()) {
                problems.add(where + ": adds capabilities " + security.getCapabilities().getAdd());
            }
            if (Boolean.TRUE.equals(security.getPrivileged())) {
                problems.add(where + ": is privileged");
            }
            if (Boolean.FALSE.equals(security.getRunAsNonRoot())) {
                problems.add(where + ": may run as root");
            }
        }
        // With a read-only root, the JVM needs a writable /tmp of its own.
        boolean tmpFromEmptyDir = container.getVolumeMounts() != null && container.getVolumeMounts().stream()
                .filter(mount -> "/tmp".equals(mount.getMountPath()))
                .map(V1VolumeMount::getName)
                .anyMatch(volume -> pod.getVolumes() != null && pod.getVolumes().stream()
                        .anyMatch(candidate -> candidate.getName().equals(volume) && candidate.getEmptyDir() != null));
        if (!tmpFromEmptyDir) {
            problems.add(where + ": no emptyDir at /tmp for the JVM under a read-only root file system");
        }
        return problems;
    }

    /** A pinned image: a tag that is not "latest", or a digest. */
    static List<String> imageViolations(String where, String image) {
        if (image == null || image.isBlank()) {
            return List.of(where + ": no image");
        }
        if (image.contains("@sha256:")) {
            return List.of();
        }
        int lastSlash = image.lastIndexOf('/');
        int colon = image.indexOf(':', lastSlash + 1);
        if (colon < 0) {
            return List.of(where + ": image " + image + " has no tag (which means :latest)");
        }
        if (image.substring(colon + 1).equals("latest")) {
            return List.of(where + ": image " + image + " is :latest, which is not a release");
        }
        return List.of();
    }

    private static List<String> probeViolations(String where, String kind, V1Probe probe, String path, V1PodSpec pod,
                                                int managementPort) {
        if (probe == null || probe.getHttpGet() == null) {
            return List.of(where + ": no " + kind + " probe over HTTP");
        }
        V1HTTPGetAction get = probe.getHttpGet();
        List<String> problems = new ArrayList<>();
        if (!path.equals(get.getPath())) {
            problems.add(where + ": the " + kind + " probe asks " + get.getPath() + ", not the health group " + path);
        }
        Optional<Integer> port = resolvePort(pod, get.getPort());
        if (port.isEmpty() || port.get() != managementPort) {
            problems.add(where + ": the " + kind + " probe asks port " + get.getPort() + " (" + port.orElse(null)
                    + "), not the management port " + managementPort);
        }
        return problems;
    }

    private static Map<String, Integer> ports(V1Container container) {
        Map<String, Integer> ports = new HashMap<>();
        if (container.getPorts() != null) {
            for (V1ContainerPort port : container.getPorts()) {
                ports.put(port.getName() == null ? String.valueOf(port.getContainerPort()) : port.getName(),
                        port.getContainerPort());
            }
        }
        return ports;
    }

    /** A port by number or by the name a container gives it. */
    static Optional<Integer> resolvePort(V1PodSpec pod, IntOrString port) {
        if (port == null) {
            return Optional.empty();
        }
        for (V1Container container : pod.getContainers()) {
            for (Map.Entry<String, Integer> candidate : ports(container).entrySet()) {
                if (port.isInteger() ? candidate.getValue().equals(port.getIntValue())
                        : candidate.getKey().equals(port.getStrValue())) {
                    return Optional.of(candidate.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** What the containers read from ConfigMaps (envFrom), each of which must be rendered too. */
    private static Map<String, String> environmentFromConfigMaps(String id, V1PodSpec pod, RenderedManifests rendered,
                                                                 List<String> problems) {
        Map<String, String> environment = new HashMap<>();
        for (V1Container container : pod.getContainers()) {
            List<V1EnvFromSource> sources = container.getEnvFrom() == null ? List.of() : container.getEnvFrom();
            if (sources.stream().noneMatch(source -> source.getConfigMapRef() != null)) {
                problems.add(id + ": its configuration comes from no ConfigMap");
            }
            for (V1EnvFromSource source : sources) {
                if (source.getSecretRef() != null) {
                    problems.add(id + ": reads a whole secret into its environment (" + source.getSecretRef().getName()
                            + "); name each secret value it needs");
                }
                if (source.getConfigMapRef() == null) {
                    continue;
                }
                String name = source.getConfigMapRef().getName();
                Optional<V1ConfigMap> configMap = rendered.models(V1ConfigMap.class).stream()
                        .filter(candidate -> candidate.getMetadata().getName().equals(name)).findFirst();
                if (configMap.isEmpty()) {
                    problems.add(id + ": reads ConfigMap " + name + ", which is not rendered");
                } else if (configMap.get().getData() != null) {
                    environment.putAll(configMap.get().getData());
                }
            }
            if (container.getEnv() != null) {
                for (V1EnvVar variable : container.getEnv()) {
                    if (variable.getValue() != null) {
                        environment.put(variable.getName(), variable.getValue());
                    }
                }
            }
        }
        return environment;
    }

    /** Every secret a pod refers to (variables, volumes) must be one that an operator provides. */
    private static List<String> referencedSecretViolations(String id, V1PodSpec pod, Map<String, String> provided) {
        List<String> problems = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        for (V1Container container : pod.getContainers()) {
            if (container.getEnv() != null) {
                container.getEnv().stream()
                        .map(V1EnvVar::getValueFrom).filter(Objects::nonNull)
                        .map(source -> source.getSecretKeyRef()).filter(Objects::nonNull)
                        .forEach(reference -> referenced.add(reference.getName()));
            }
        }
        if (pod.getVolumes() != null) {
            pod.getVolumes().stream().map(V1Volume::getSecret).filter(Objects::nonNull)
                    .forEach(secret -> referenced.add(secret.getSecretName()));
        }
        for (String secret : referenced) {
            if (!provided.containsKey(secret)) {
                problems.add(id + ": refers to secret " + secret + ", which nothing here provides (an ExternalSecret, "
                        + "or an operator's generated secret); secrets are never written into git");
            }
        }
        return problems;
    }

    static long jvmCapsBytes(String jvmOptions) {
        Matcher matcher = JVM_CAP.matcher(jvmOptions);
        long total = 0;
        while (matcher.find()) {
            long value = Long.parseLong(matcher.group(1));
            total += switch (matcher.group(2).toLowerCase()) {
                case "k" -> value * 1024;
                case "m" -> value * 1024 * 1024;
                case "g" -> value * 1024 * 1024 * 1024;
                default -> value;
            };
        }
        return total;
    }

    private WorkloadChecks() {
    }
}
