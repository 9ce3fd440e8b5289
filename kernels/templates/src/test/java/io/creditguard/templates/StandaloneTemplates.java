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
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;

/**
 * The templates as the functions render them, without the container: the class path's {@code templates/} read by
 * Qute's reflection resolver (the built application uses the resolvers the extension generates), HTML escaped,
 * strict, standalone lines removed, as the extension sets the engine up.
 */
public final class StandaloneTemplates {

    public static final Templates TEMPLATES = new Templates(Engine.builder().addDefaults()
            .addValueResolver(new ReflectionValueResolver()).addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .addLocator(StandaloneTemplates::classPathTemplate).removeStandaloneLines(true).strictRendering(true).build());

    private StandaloneTemplates() {
    }

    private static Optional<TemplateLocator.TemplateLocation> classPathTemplate(String id) {
        String resource = "templates/" + id;
        if (StandaloneTemplates.class.getClassLoader().getResource(resource) == null) {
            return Optional.empty();
        }
        Variant variant = new Variant(Locale.ROOT, id.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN, "UTF-8");
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                InputStream in = StandaloneTemplates.class.getClassLoader().getResourceAsStream(resource);
                return new InputStreamReader(in, StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(variant);
            }
        });
    }
}
