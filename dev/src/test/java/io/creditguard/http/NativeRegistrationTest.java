package io.creditguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A native image only lets Jackson reflect on registered types. Starting from every route's body
 * type and every type a package registers, this walks the records' components (and their list
 * elements) and fails on any record or enum of ours that is reachable but not registered.
 */
@QuarkusTest
class NativeRegistrationTest {

    private static final List<String> REGISTRATION_CLASSES = List.of("io.creditguard.http.JsonTypes",
            "io.creditguard.breakeven.JsonTypes", "io.creditguard.credit.JsonTypes",
            "io.creditguard.reminders.JsonTypes", "io.creditguard.reminders.PolicyJsonTypes", "io.creditguard.claims.JsonTypes",
            "io.creditguard.webhooks.JsonTypes", "io.creditguard.webhooks.IntakeJsonTypes", "io.creditguard.rates.JsonTypes", "io.creditguard.connections.JsonTypes",
            "io.creditguard.filings.JsonTypes", "io.creditguard.customers.JsonTypes", "io.creditguard.customers.PassJsonTypes",
            "io.creditguard.book.JsonTypes", "io.creditguard.alerts.JsonTypes");

    @Inject
    Instance<HttpFunction> functions;

    @Test
    void everyTypeThatCrossesTheJsonBoundaryIsRegistered() throws ClassNotFoundException {
        Set<Class<?>> registered = new HashSet<>();
        for (String name : REGISTRATION_CLASSES) {
            RegisterForReflection annotation = Class.forName(name).getAnnotation(RegisterForReflection.class);
            registered.addAll(Arrays.asList(annotation.targets()));
        }
        registered.add(Problem.class);

        Deque<Class<?>> queue = new ArrayDeque<>(registered);
        functions.forEach(f -> f.routes().forEach(r -> queue.add(r.bodyType())));
        Set<Class<?>> seen = new HashSet<>();
        Set<String> missing = new TreeSet<>();
        while (!queue.isEmpty()) {
            Class<?> type = queue.poll();
            if (!seen.add(type) || !type.getName().startsWith("io.creditguard.")) {
                continue;
            }
            boolean needsRegistration = type.isRecord() || type.isEnum();
            if (needsRegistration && !registered.contains(type) && !type.isAnnotationPresent(RegisterForReflection.class)) {
                missing.add(type.getName());
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    enqueue(queue, component.getGenericType());
                }
            }
        }
        assertThat(missing).as("types Jackson maps but a native image would not know").isEmpty();
    }

    /** A registration class ({@code JsonTypes}, or {@code PolicyJsonTypes}, {@code IntakeJsonTypes}, {@code PassJsonTypes} beside another module's) left out of the list above would escape the check. */
    @Test
    void everyRegistrationClassIsListed() {
        List<String> found = io.creditguard.Modules.sourceRoots().stream().flatMap(root -> io.creditguard.Modules.javaFiles(root)
                .stream().filter(p -> p.getFileName().toString().endsWith("JsonTypes.java"))
                .map(p -> root.relativize(p).toString().replace('/', '.').replace(".java", ""))).sorted().toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(REGISTRATION_CLASSES);
    }

    /**
     * Data files and templates are read through the class loader; a native image must list them. The list is in the
     * configuration every function reads (kernels/core, META-INF/microprofile-config.properties).
     */
    @Test
    void everyResourceFolderReadAtRunTimeIsIncludedInTheNativeImage() throws java.io.IOException {
        String properties = java.nio.file.Files.readString(io.creditguard.Modules.ROOT
                .resolve("kernels/core/src/main/resources/META-INF/microprofile-config.properties"));
        String includes = properties.lines().filter(l -> l.startsWith("quarkus.native.resources.includes=")).findFirst()
                .orElseThrow();
        for (java.nio.file.Path resources : io.creditguard.Modules.resourceRoots()) {
            try (var entries = java.nio.file.Files.list(resources)) {
                entries.filter(java.nio.file.Files::isDirectory).map(p -> p.getFileName().toString())
                        .filter(folder -> !folder.equals("META-INF"))
                        .forEach(folder -> assertThat(includes).as(resources + "/" + folder).contains(folder + "/**"));
            }
        }
    }

    private static void enqueue(Deque<Class<?>> queue, Type type) {
        if (type instanceof Class<?> c) {
            queue.add(c);
        } else if (type instanceof ParameterizedType p) {
            enqueue(queue, p.getRawType());
            Arrays.stream(p.getActualTypeArguments()).forEach(a -> enqueue(queue, a));
        }
    }
}
