package com.invoicedelivery.deploy.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.invoicedelivery.deploy.files.KubernetesSchema.Document;
import com.invoicedelivery.deploy.files.KubernetesSchema.KafkaTopic;
import com.invoicedelivery.deploy.infra.BusPermissions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The deployment files (deploy/docker, deploy/kubernetes) as their tools would read them, and what the platform
 * requires of them: Compose's own check of the compose file, each Kubernetes manifest read into the Kubernetes API's
 * typed model refusing unknown fields and wrong types, and the production shape (probes, limits, the restricted pod
 * security standard, one Secret per service, declared topics). Each check is shown to reject a broken file.
 */
class DeploymentFilesTest {

    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Path COMPOSE = ROOT.resolve("deploy/docker/compose.yaml");
    static final List<String> SERVICES =
            List.of("invoice-service", "pdf-service", "mail-dispatch-service", "tracking-service");
    /** What runs as a Deployment of its own: the services and the gateway in front of them. */
    static final List<String> DEPLOYABLES =
            List.of("invoice-service", "pdf-service", "mail-dispatch-service", "tracking-service", "gateway");

    static List<Document> manifests() throws IOException {
        List<Document> documents = new ArrayList<>();
        for (Path file : kustomizedFiles()) {
            documents.addAll(KubernetesSchema.read(KUBERNETES.relativize(file).toString(), Files.readString(file)));
        }
        return documents;
    }

    /** The files the kustomizations list, each kustomization's resources relative to its directory. */
    static List<Path> kustomizedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path kustomization : kustomizations()) {
            JsonNode resources = KubernetesSchema.YAML.readTree(Files.readString(kustomization)).path("resources");
            resources.forEach(resource -> files.add(kustomization.resolveSibling(resource.asString()).normalize()));
        }
        return files;
    }

    static List<Path> kustomizations() throws IOException {
        try (Stream<Path> paths = Files.walk(KUBERNETES)) {
            return paths.filter(path -> path.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
    }

    static <T> List<T> all(List<Document> documents, Class<T> kind) {
        return documents.stream().map(Document::resource).filter(kind::isInstance).map(kind::cast).toList();
    }

    static <T extends HasMetadata> T named(List<Document> documents, Class<T> kind, String name) {
        return all(documents, kind).stream().filter(resource -> resource.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    @Nested
    class TheKubernetesManifests {

        @Test
        void everyManifestReadsIntoTheKubernetesModelWithoutUnknownFields() throws IOException {
            List<Document> documents = manifests();

            assertThat(documents).hasSizeGreaterThan(SERVICES.size() * 4);
            assertThat(documents).allSatisfy(document -> assertThat(document.problems()).as(document.source()).isEmpty());
        }

        @Test
        void everyFileUnderKubernetesIsListedInItsKustomizationAndEveryListedFileExists() throws IOException {
            Set<Path> listed = new TreeSet<>(kustomizedFiles());
            Set<Path> present;
            try (Stream<Path> paths = Files.walk(KUBERNETES)) {
                present = new TreeSet<>(paths.filter(Files::isRegularFile)
                        .filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
                        .filter(path -> !path.getFileName().toString().equals("kustomization.yaml")).toList());
            }

            assertThat(listed).containsExactlyElementsOf(present);
        }

        @Test
        void eachServiceHasADeploymentWithStartupReadinessAndLivenessProbesOnActuatorsOwnPort() throws IOException {
            List<Document> documents = manifests();
            for (String service : DEPLOYABLES) {
                Container container = container(named(documents, Deployment.class, service));

                assertThat(path(container.getStartupProbe())).as(service).isEqualTo("/actuator/health/liveness");
                assertThat(path(container.getReadinessProbe())).as(service).isEqualTo("/actuator/health/readiness");
                assertThat(path(container.getLivenessProbe())).as(service).isEqualTo("/actuator/health/liveness");
                for (Probe probe : List.of(container.getStartupProbe(), container.getReadinessProbe(),
                        container.getLivenessProbe())) {
                    assertThat(probe.getHttpGet().getPort().getStrVal()).as(service).isEqualTo("management");
                }
                // the image's SERVER_PORT 8080; actuator on it + 1000 (ServiceKitDefaults)
                assertThat(container.getPorts()).as(service)
                        .anySatisfy(port -> assertThat(port.getName() + ":" + port.getContainerPort()).isEqualTo("http:8080"))
                        .anySatisfy(port -> assertThat(port.getName() + ":" + port.getContainerPort())
                                .isEqualTo("management:9080"));
            }
        }

        @Test
        void eachServiceFollowsTheRestrictedPodSecurityStandardWithAWritableTmpOnly() throws IOException {
            List<Document> documents = manifests();
            for (String service : DEPLOYABLES) {
                Deployment deployment = named(documents, Deployment.class, service);
                PodSpec pod = deployment.getSpec().getTemplate().getSpec();
                Container container = container(deployment);

                assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(service).isTrue();
                assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(service).isEqualTo("RuntimeDefault");
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(service).isFalse();
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(service).isTrue();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(service).containsExactly("ALL");
                assertThat(container.getVolumeMounts()).as(service)
                        .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
                String tmp = container.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals("/tmp"))
                        .findFirst().orElseThrow().getName();
                assertThat(pod.getVolumes()).as(service).anySatisfy(volume -> {
                    assertThat(volume.getName()).isEqualTo(tmp);
                    assertThat(volume.getEmptyDir()).isNotNull();
                });
            }
            assertThat(all(documents, Namespace.class)).singleElement().satisfies(namespace -> assertThat(
                    namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted"));
        }

        @Test
        void eachServiceHasCpuAndMemoryRequestsAndLimitsAndAJvmSizedFromThem() throws IOException {
            List<Document> documents = manifests();
            for (String service : DEPLOYABLES) {
                Container container = container(named(documents, Deployment.class, service));
                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                Map<String, String> env = new HashMap<>();
                container.getEnv().forEach(variable -> env.put(variable.getName(),
                        variable.getValue() != null ? variable.getValue()
                                : variable.getValueFrom().getResourceFieldRef() != null
                                        ? variable.getValueFrom().getResourceFieldRef().getResource() : "?"));

                assertThat(requests).as(service).containsKeys("cpu", "memory");
                assertThat(limits).as(service).containsKeys("cpu", "memory");
                assertThat(env.get("CPU_LIMIT")).as(service).isEqualTo("limits.cpu");
                assertThat(env.get("JAVA_TOOL_OPTIONS")).as(service)
                        .contains("-XX:MaxRAMPercentage=").contains("-XX:ActiveProcessorCount=$(CPU_LIMIT)");
            }
            Container pdf = container(named(documents, Deployment.class, "pdf-service"));
            assertThat(pdf.getEnv()).anySatisfy(variable -> {
                assertThat(variable.getName()).isEqualTo("PDF_RENDER_THREADS");
                assertThat(variable.getValueFrom().getResourceFieldRef().getResource()).isEqualTo("limits.cpu");
            });
        }

        @Test
        void eachServiceSpreadsOverNodesAndHasADisruptionBudgetAndAnAutoscaler() throws IOException {
            List<Document> documents = manifests();
            for (String service : DEPLOYABLES) {
                Deployment deployment = named(documents, Deployment.class, service);
                PodDisruptionBudget budget = named(documents, PodDisruptionBudget.class, service);
                HorizontalPodAutoscaler autoscaler = named(documents, HorizontalPodAutoscaler.class, service);

                assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).as(service)
                        .anySatisfy(spread -> assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
                assertThat(budget.getSpec().getSelector().getMatchLabels())
                        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
                assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(service);
                assertThat(autoscaler.getSpec().getMinReplicas()).as(service).isGreaterThanOrEqualTo(2);
                // the autoscaler owns the replica count; an applied count would reset it
                assertThat(deployment.getSpec().getReplicas()).as(service).isNull();
            }
        }

        @Test
        void noSecretIsReferencedByMoreThanOneService() throws IOException {
            Map<String, Set<String>> users = new HashMap<>();
            for (Deployment deployment : all(manifests(), Deployment.class)) {
                PodSpec pod = deployment.getSpec().getTemplate().getSpec();
                Set<String> secrets = new LinkedHashSet<>();
                pod.getContainers().forEach(container -> {
                    container.getEnvFrom().stream().map(EnvFromSource::getSecretRef).filter(ref -> ref != null)
                            .forEach(ref -> secrets.add(ref.getName()));
                    container.getEnv().stream().filter(env -> env.getValueFrom() != null
                                    && env.getValueFrom().getSecretKeyRef() != null)
                            .forEach(env -> secrets.add(env.getValueFrom().getSecretKeyRef().getName()));
                });
                pod.getVolumes().stream().filter(volume -> volume.getSecret() != null)
                        .forEach(volume -> secrets.add(volume.getSecret().getSecretName()));
                secrets.forEach(secret -> users.computeIfAbsent(secret, s -> new TreeSet<>())
                        .add(deployment.getMetadata().getName()));
            }

            assertThat(users).isNotEmpty();
            assertThat(users).allSatisfy((secret, deployments) -> assertThat(deployments).as(secret).hasSize(1));
        }

        @Test
        void theIngressesSendEverythingToTheGatewayAndNoActuatorNorOperationsPath() throws IOException {
            List<String> routed = new ArrayList<>();
            for (Ingress ingress : all(manifests(), Ingress.class)) {
                ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> routed.add(
                        path.getBackend().getService().getName() + " " + path.getPath())));
            }

            assertThat(routed).contains("gateway /l/", "gateway /css/", "gateway /js/", "gateway /api/",
                    "gateway /v3/api-docs/");
            // one entry point: the gateway's route table decides which service answers, nothing goes around it
            assertThat(routed).allSatisfy(route -> assertThat(route).startsWith("gateway "));
            assertThat(routed).noneMatch(route -> route.contains("/actuator") || route.contains("/api/operations")
                    || route.contains("/internal") || route.endsWith(" /"));
            List<String> ports = new ArrayList<>();
            for (Ingress ingress : all(manifests(), Ingress.class)) {
                ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> ports.add(
                        path.getBackend().getService().getPort().getName())));
            }
            assertThat(ports).as("only the API port is routed, never actuator's").isNotEmpty().containsOnly("http");
        }

        @Test
        void theBounceReceiverIsPublishedOnPort25WithItsDomainAndItsTlsCertificate() throws IOException {
            List<Document> documents = manifests();
            Deployment deployment = named(documents, Deployment.class, "mail-dispatch-service");
            Container container = container(deployment);
            Map<String, String> env = new HashMap<>();
            container.getEnv().stream().filter(variable -> variable.getValue() != null)
                    .forEach(variable -> env.put(variable.getName(), variable.getValue()));
            Service smtp = named(documents, Service.class, "mail-dispatch-bounce-smtp");
            ConfigMap config = named(documents, ConfigMap.class, "invoice-delivery-config");

            // the receiver listens on the pod's interfaces, on the port the container declares as smtp
            assertThat(env).containsEntry("BOUNCE_SMTP_HOST", "0.0.0.0");
            assertThat(container.getPorts()).anySatisfy(port -> assertThat(port.getName() + ":"
                    + port.getContainerPort()).isEqualTo("smtp:" + env.get("BOUNCE_SMTP_PORT")));
            // the Internet reaches it on 25, through a load balancer, and no other port of the pod that way
            assertThat(smtp.getSpec().getType()).isEqualTo("LoadBalancer");
            assertThat(smtp.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(smtp.getSpec().getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getPort()).isEqualTo(25);
                assertThat(port.getTargetPort().getStrVal()).isEqualTo("smtp");
            });
            assertThat(config.getData().get("BOUNCE_DOMAIN")).isNotBlank()
                    .endsWith("." + config.getData().get("PLATFORM_DOMAIN"));
            // STARTTLS: the SSL bundle it names reads the certificate and key from the mounted TLS Secret
            String bundle = env.get("BOUNCE_SMTP_TLS_BUNDLE");
            assertThat(bundle).isNotBlank();
            String prefix = "SPRING_SSL_BUNDLE_PEM_" + bundle.toUpperCase() + "_KEYSTORE_";
            VolumeMount mount = container.getVolumeMounts().stream()
                    .filter(candidate -> env.get(prefix + "CERTIFICATE") != null
                            && env.get(prefix + "CERTIFICATE").startsWith(candidate.getMountPath() + "/"))
                    .findFirst().orElseThrow(() -> new AssertionError("the certificate is in no mounted volume"));
            assertThat(env.get(prefix + "CERTIFICATE")).isEqualTo(mount.getMountPath() + "/tls.crt");
            assertThat(env.get(prefix + "PRIVATEKEY")).isEqualTo(mount.getMountPath() + "/tls.key");
            Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(candidate -> candidate.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertThat(volume.getSecret().getSecretName()).isEqualTo("mail-dispatch-bounce-tls");
        }

        @Test
        void theGatewayKeepsOperationsInsideTheClusterAndReachesEachServiceByItsClusterName() throws IOException {
            JsonNode gatewayCluster = KubernetesSchema.YAML.readTree(Files.readString(
                    ROOT.resolve("gateway/src/main/resources/application-cluster.yml")));
            ConfigMap config = named(manifests(), ConfigMap.class, "invoice-delivery-config");

            assertThat(config.getData()).containsEntry("SPRING_PROFILES_ACTIVE", "cluster");
            assertThat(gatewayCluster.path("gateway").path("expose-operations").asString()).endsWith(":false}");
            for (String service : SERVICES) {
                String variable = service.toUpperCase().replace('-', '_') + "_URL";
                assertThat(config.getData()).as(variable).containsEntry(variable, "http://" + service);
            }
        }

        private static Container container(Deployment deployment) {
            return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        }

        private static String path(Probe probe) {
            return probe == null || probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
        }
    }

    @Nested
    class TheTopics {

        @Test
        void everyTopicBoundInTheServicesConfigurationIsDeclaredAsAKafkaTopic() throws IOException {
            Set<String> declared = declaredTopics().keySet();
            Set<String> bound = new TreeSet<>();
            for (String service : SERVICES) {
                JsonNode stream = springConfig(service, "application.yml").path("spring").path("cloud").path("stream");
                stream.path("bindings").forEach(binding ->
                        bound.addAll(List.of(binding.path("destination").asString("").split(","))));
                stream.path("kafka").path("bindings").forEach(binding ->
                        bound.add(binding.path("consumer").path("dlq-name").asString("")));
            }
            bound.remove("");

            // the bindings were read: a consumed topic, a replay topic and a dead-letter topic of each service at least
            assertThat(bound).contains("invoice.send-requested", "invoice.send-requested.pdf-service.replay",
                    "invoice.send-requested.pdf-service.dlq", "invoice.document-ready.mail-dispatch-service.dlq",
                    "tracking.events.invoice-service.dlq", "invoice.document-ready.tracking-service.dlq");
            assertThat(declared).containsAll(bound);
        }

        @Test
        void theDeclaredTopicsAreExactlyThoseOfTheBusPermissionsTable() throws IOException {
            assertThat(declaredTopics().keySet()).containsExactlyInAnyOrderElementsOf(BusPermissions.topics());
        }

        @Test
        void everyTopicHasThreeReplicasTwoInSyncAndDeadLettersAreKeptLongerThanEvents() throws IOException {
            Map<String, KafkaTopic> topics = declaredTopics();

            assertThat(topics.values()).allSatisfy(topic -> {
                assertThat(topic.spec().replicas()).as(topic.name()).isEqualTo(3);
                assertThat(String.valueOf(topic.spec().config().get("min.insync.replicas"))).as(topic.name())
                        .isEqualTo("2");
                assertThat(topic.spec().partitions()).as(topic.name()).isPositive();
                assertThat(topic.labels()).as(topic.name()).containsKey("strimzi.io/cluster");
            });
            long events = retention(topics.get("invoice.send-requested"));
            assertThat(topics.values()).filteredOn(topic -> topic.name().endsWith(".dlq")).isNotEmpty()
                    .allSatisfy(topic -> assertThat(retention(topic)).as(topic.name()).isGreaterThan(events));
        }

        @Test
        void theComposeInitMakesTheSameTopics() throws IOException {
            JsonNode compose = KubernetesSchema.YAML.readTree(Files.readString(COMPOSE));
            List<String> topics = List.of(compose.path("services").path("kafka-init").path("environment")
                    .path("TOPICS").asString("").trim().split("\\s+"));

            assertThat(topics).containsExactlyInAnyOrderElementsOf(declaredTopics().keySet());
        }

        @Test
        void theClusterProfileOfEachServiceTurnsOffTopicCreationAndAsksForAcksAllAndIdempotence() throws IOException {
            for (String service : SERVICES) {
                JsonNode binder = springConfig(service, "application-cluster.yml").path("spring").path("cloud")
                        .path("stream").path("kafka").path("binder");

                assertThat(binder.path("auto-create-topics").asBoolean(true)).as(service).isFalse();
                assertThat(binder.path("required-acks").asString("")).as(service).isEqualTo("all");
                assertThat(binder.path("producer-properties").path("enable.idempotence").asBoolean(false)).as(service)
                        .isTrue();
            }
        }

        private static long retention(KafkaTopic topic) {
            return Long.parseLong(String.valueOf(topic.spec().config().get("retention.ms")));
        }

        private static Map<String, KafkaTopic> declaredTopics() throws IOException {
            Map<String, KafkaTopic> topics = new HashMap<>();
            all(manifests(), KafkaTopic.class).forEach(topic -> topics.put(
                    topic.spec().topicName() != null ? topic.spec().topicName() : topic.name(), topic));
            return topics;
        }

        private static JsonNode springConfig(String service, String file) throws IOException {
            return KubernetesSchema.YAML.readTree(
                    Files.readString(ROOT.resolve(service).resolve("src/main/resources").resolve(file)));
        }
    }

    @Nested
    class TheComposeFile {

        @Test
        void composeAcceptsTheFileAndEveryServiceWaitsForHealthyDependencies() throws Exception {
            ComposeCheck.assumeInstalled();

            InstalledTool.Result result = ComposeCheck.config(COMPOSE);

            assertThat(result.exitCode()).as(result.output()).isZero();
            JsonNode config = KubernetesSchema.YAML.readTree(result.output().substring(result.output().indexOf("services:")));
            config.path("services").properties().forEach(service -> {
                assertThat(service.getValue().path("image").asString("")).as(service.getKey())
                        .matches(".+:v?[0-9][^:]*");
                service.getValue().path("depends_on").properties().forEach(dependency -> assertThat(
                        dependency.getValue().path("condition").asString("")).as(service.getKey() + " on " + dependency.getKey())
                        .isIn("service_healthy", "service_completed_successfully"));
                if (!service.getKey().equals("kafka-init")) {
                    assertThat(service.getValue().path("healthcheck").path("test").isMissingNode())
                            .as(service.getKey() + " has a health check").isFalse();
                }
            });
            for (String service : SERVICES) {
                assertThat(config.path("services").path(service).path("depends_on").path("kafka-init").path("condition")
                        .asString("")).as(service).isEqualTo("service_completed_successfully");
                assertThat(config.path("services").path("gateway").path("depends_on").path(service).path("condition")
                        .asString("")).as("the gateway on " + service).isEqualTo("service_healthy");
                assertThat(config.path("services").path("gateway").path("environment")
                        .path(service.toUpperCase().replace('-', '_') + "_URL").asString())
                        .isEqualTo("http://" + service + ":8080");
            }
        }

        @Test
        void theBounceReceiverIsPublishedWithItsDomainAndStartTlsSettings() throws Exception {
            ComposeCheck.assumeInstalled();

            InstalledTool.Result result = ComposeCheck.config(COMPOSE);

            assertThat(result.exitCode()).as(result.output()).isZero();
            JsonNode service = KubernetesSchema.YAML.readTree(result.output().substring(
                    result.output().indexOf("services:"))).path("services").path("mail-dispatch-service");
            JsonNode env = service.path("environment");
            String port = env.path("BOUNCE_SMTP_PORT").asString("");
            assertThat(env.path("BOUNCE_DOMAIN").asString("")).startsWith("bounces.");
            assertThat(env.path("BOUNCE_SMTP_HOST").asString("")).isEqualTo("0.0.0.0");
            assertThat(port).isNotBlank();
            assertThat(published(service.path("ports"))).as("the receiver's port is published").contains(port);
            assertThat(env.has("BOUNCE_SMTP_TLS_BUNDLE")).isTrue();
            assertThat(env.path("SPRING_SSL_BUNDLE_PEM_BOUNCE_KEYSTORE_CERTIFICATE").asString(""))
                    .startsWith("/etc/invoice-delivery/bounce-tls/");
            assertThat(service.path("volumes").toString()).contains(":/etc/invoice-delivery/bounce-tls:ro");
        }

        /** The container ports a service publishes, from either form Compose writes them in. */
        private static List<String> published(JsonNode ports) {
            List<String> targets = new ArrayList<>();
            ports.forEach(port -> {
                if (port.isString()) {
                    String[] parts = port.asString().replaceAll("/.*", "").split(":");
                    targets.add(parts[parts.length - 1]);
                } else {
                    targets.add(port.path("target").asString(""));
                }
            });
            return targets;
        }

        @Test
        void theServicesImagesAreTaggedAsInTheKubernetesManifests() throws Exception {
            JsonNode compose = KubernetesSchema.YAML.readTree(Files.readString(COMPOSE));
            List<Document> documents = manifests();
            for (String service : DEPLOYABLES) {
                String image = named(documents, Deployment.class, service).getSpec().getTemplate().getSpec()
                        .getContainers().get(0).getImage();

                assertThat(compose.path("services").path(service).path("image").asString("")).isEqualTo(image);
                assertThat(compose.path("services").path(service).path("build").path("args").path("SERVICE")
                        .asString("")).isEqualTo(service);
            }
        }
    }

    @Nested
    class TheImage {

        static final Path DOCKERFILE = ROOT.resolve("deploy/docker/Dockerfile");

        @Test
        void theBuildStageHasEveryModulesPomSinceMavenReadsTheWholeReactor() throws IOException {
            String dockerfile = Files.readString(DOCKERFILE);
            List<String> modules = new ArrayList<>();
            Matcher module = Pattern.compile("<module>([^<]+)</module>")
                    .matcher(Files.readString(ROOT.resolve("pom.xml")));
            while (module.find()) {
                modules.add(module.group(1));
            }

            assertThat(modules).contains("events", "service-kit").containsAll(SERVICES);
            assertThat(modules).allSatisfy(name -> assertThat(dockerfile)
                    .contains("COPY " + name + "/pom.xml " + name + "/"));
        }

        @Test
        void theImageRunsAsANumericNonRootUserWithAHealthCheckAndPinnedBaseImages() throws IOException {
            List<String> lines = Files.readAllLines(DOCKERFILE);

            assertThat(lines).contains("ARG SERVICE");
            assertThat(lines).anySatisfy(line -> assertThat(line).matches("USER [1-9][0-9]*(:[1-9][0-9]*)?"));
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("HEALTHCHECK "));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("-Djarmode=tools").contains("--layers")
                    .contains("--launcher"));
            // an exact version, not a moving tag such as 17-jre
            assertThat(lines).filteredOn(line -> line.startsWith("ARG ") && line.contains("_IMAGE=")).hasSize(2)
                    .allSatisfy(line -> assertThat(line).matches("ARG [A-Z_]+=eclipse-temurin:\\d+\\.\\d+\\.\\d+_\\d+-.+"));
        }

        @Test
        void theBuildContextLeavesOutLocalDataKeysBuildOutputAndGit() throws IOException {
            assertThat(Files.readAllLines(ROOT.resolve(".dockerignore")))
                    .contains(".git", ".data", "**/target", "**/*.pem", "**/*.key");
        }
    }

    /** The checks above can fail: each is fed a broken file. */
    @Nested
    class BrokenFilesAreRejected {

        @Test
        void aDeploymentWithAnUnknownFieldIsRejected() throws IOException {
            String yaml = Files.readString(KUBERNETES.resolve("pdf-service.yaml"))
                    .replace("revisionHistoryLimit: 5", "revisionHistoryLimit: 5\n  replica: 2");

            assertThat(problems(yaml)).anySatisfy(problem -> assertThat(problem).contains("unknown field").contains("replica"));
        }

        @Test
        void aMisspelledFieldDeepInThePodTemplateIsRejected() throws IOException {
            String yaml = Files.readString(KUBERNETES.resolve("pdf-service.yaml"))
                    .replace("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true");

            assertThat(problems(yaml)).anySatisfy(problem -> assertThat(problem).contains("readOnlyRootFileSystem"));
        }

        @Test
        void aValueOfTheWrongTypeIsRejected() throws IOException {
            String yaml = Files.readString(KUBERNETES.resolve("pdf-service.yaml"))
                    .replace("failureThreshold: 36", "failureThreshold: many");

            assertThat(problems(yaml)).anySatisfy(problem -> assertThat(problem).contains("Integer")
                    .contains("\"many\"").contains("failureThreshold"));
        }

        @Test
        void anUnknownKindIsRejected() {
            assertThat(problems("apiVersion: apps/v1\nkind: Deploymnet\nmetadata: { name: x }\n"))
                    .containsExactly("unknown apiVersion/kind apps/v1/Deploymnet");
        }

        @Test
        void aKafkaTopicWithAnUnknownSpecFieldIsRejected() throws IOException {
            String yaml = Files.readString(KUBERNETES.resolve("kafka/events.yaml"))
                    .replaceFirst("replicas: 3", "replica: 3");

            assertThat(problems(yaml)).anySatisfy(problem -> assertThat(problem).contains("replica"));
        }

        @Test
        void composeRejectsAnUnknownServiceKeyAndAWrongType(@TempDir Path directory) throws Exception {
            ComposeCheck.assumeInstalled();
            String compose = Files.readString(COMPOSE);
            Path unknownKey = Files.createDirectories(directory.resolve("a/docker")).resolve("compose.yaml");
            // in the services' shared block (x-service), so every service gets the key Compose does not have
            Files.writeString(unknownKey, compose.replace("  read_only: true\n", "  read_only: true\n  restart_policy: always\n"));
            Path wrongType = Files.createDirectories(directory.resolve("b/docker")).resolve("compose.yaml");
            Files.writeString(wrongType, compose.replace("retries: 12", "retries: twelve"));

            assertThat(compose).contains("  read_only: true\n", "retries: 12");
            InstalledTool.Result unknown = ComposeCheck.config(unknownKey);
            InstalledTool.Result wrong = ComposeCheck.config(wrongType);
            assertThat(unknown.exitCode()).as(unknown.output()).isNotZero();
            assertThat(unknown.output()).contains("restart_policy");
            assertThat(wrong.exitCode()).as(wrong.output()).isNotZero();
        }

        private static List<String> problems(String yaml) {
            return KubernetesSchema.read("broken.yaml", yaml).stream().flatMap(document -> document.problems().stream())
                    .toList();
        }
    }
}
