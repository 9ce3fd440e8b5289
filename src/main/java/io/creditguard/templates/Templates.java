package io.creditguard.templates;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;

/**
 * The one Qute engine of the product, reading {@code templates/<id>} from the class path. HTML
 * templates escape every value they print, so customer data cannot inject markup. Rendering is
 * strict: an expression a template cannot resolve fails instead of printing nothing, so the tests
 * that render every template catch a misspelt field. Values are read by reflection, so each model
 * type is registered for a native image by its package.
 */
public final class Templates {

    private static final Engine ENGINE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).addLocator(Templates::classPathTemplate)
            .removeStandaloneLines(true).strictRendering(true).build();

    private Templates() {
    }

    /**
     * @throws IllegalStateException when {@code templates/<id>} is not on the class path
     */
    public static TemplateInstance instance(String id) {
        var template = ENGINE.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("template templates/" + id + " is not on the class path");
        }
        return template.instance();
    }

    /** A rendered letter whose template writes the subject on its first line and the body after it. */
    public record Titled(String subject, String body) {
    }

    /**
     * Renders a letter template: its first line is the subject, the rest (trimmed, ending in one
     * newline, or empty) the body.
     */
    public static Titled renderTitled(TemplateInstance instance) {
        String[] subjectAndBody = instance.render().strip().split("\n", 2);
        return new Titled(subjectAndBody[0].strip(), subjectAndBody.length > 1 ? subjectAndBody[1].strip() + "\n" : "");
    }

    private static Optional<TemplateLocator.TemplateLocation> classPathTemplate(String id) {
        String resource = "templates/" + id;
        if (Templates.class.getClassLoader().getResource(resource) == null) {
            return Optional.empty();
        }
        Variant variant = new Variant(Locale.ROOT, id.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN, "UTF-8");
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource);
                return new InputStreamReader(in, StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(variant);
            }
        });
    }
}
