package io.creditguard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.creditguard.Modules;

/**
 * The layout README "Layout" describes, read from the poms: a function is an application nobody builds on (only
 * {@code dev} depends on one), a kernel holds no feature, and every module the build has is in the root pom; and from
 * the sources: a domain library does not know HTTP (only a function's adapter and the http kernel itself do).
 */
class ModuleGraphTest {

    /** Each module's artifact id and the creditguard artifacts it depends on, by folder. */
    private static Map<Path, Module> modules() throws Exception {
        Map<Path, Module> modules = new LinkedHashMap<>();
        for (Path folder : Modules.modules()) {
            modules.put(folder, read(folder.resolve("pom.xml")));
        }
        return modules;
    }

    record Module(String artifactId, List<String> dependsOn) {
    }

    private static Module read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());
        Element project = document.getDocumentElement();
        String artifactId = child(project, "artifactId");
        List<String> dependsOn = new ArrayList<>();
        NodeList dependencies = project.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if ("io.creditguard".equals(child(dependency, "groupId"))) {
                dependsOn.add(child(dependency, "artifactId"));
            }
        }
        return new Module(artifactId, dependsOn);
    }

    /** The text of {@code parent}'s own child element {@code name} (not a nested one's). */
    private static String child(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    @Test
    void onlyDevDependsOnAFunction() throws Exception {
        Map<Path, Module> modules = modules();
        List<String> functions = modules.entrySet().stream().filter(m -> m.getKey().startsWith(Modules.ROOT.resolve("functions")))
                .map(m -> m.getValue().artifactId()).toList();
        assertThat(functions).as("function modules").hasSize(8).allMatch(a -> a.startsWith("function-"));
        modules.forEach((folder, module) -> assertThat(module.dependsOn()).as(folder + " depends on a function")
                .doesNotContainAnyElementsOf(functions));
        assertThat(read(Modules.ROOT.resolve("dev/pom.xml")).dependsOn()).as("dev holds every function")
                .containsAll(functions);
    }

    @Test
    void aKernelDependsOnKernelsOnly() throws Exception {
        Map<Path, Module> modules = modules();
        List<String> kernels = modules.entrySet().stream().filter(m -> m.getKey().startsWith(Modules.ROOT.resolve("kernels")))
                .map(m -> m.getValue().artifactId()).toList();
        modules.entrySet().stream().filter(m -> kernels.contains(m.getValue().artifactId())).forEach(m ->
                assertThat(kernels).as(m.getKey() + " depends on a feature").containsAll(m.getValue().dependsOn()));
    }

    /**
     * A domain says what it refuses with the kernel's exceptions ({@code Refusal}, {@code StoreBusy},
     * {@code StoreUnreadable}, {@code InvalidInputException}); the http kernel answers them as problems.
     */
    @Test
    void noDomainLibraryImportsHttp() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path folder : Modules.modules()) {
            Path sources = folder.resolve("src/main/java");
            if (!folder.startsWith(Modules.ROOT.resolve("domain")) || !Files.isDirectory(sources)) {
                continue;
            }
            for (Path file : Modules.javaFiles(sources)) {
                if (Files.readString(file).contains("io.creditguard.http.")) {
                    offenders.add(Modules.ROOT.relativize(file).toString());
                }
            }
        }
        assertThat(offenders).as("domain sources naming io.creditguard.http").isEmpty();
    }

    @Test
    void everyModuleFolderIsBuilt() throws Exception {
        String root = Files.readString(Modules.ROOT.resolve("pom.xml"));
        for (Path folder : Modules.modules()) {
            String module = Modules.ROOT.relativize(folder).toString();
            assertThat(root).as(module + " in the root pom").contains("<module>" + module + "</module>");
        }
    }
}
