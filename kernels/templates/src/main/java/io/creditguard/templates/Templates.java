package io.creditguard.templates;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * The letters' templates under {@code src/main/resources/templates/}, rendered by the Qute engine the
 * Quarkus extension builds. Each letter template declares its model ({@code {@io.creditguard.reminders.LetterModel m}}),
 * so the build checks every expression against the model and generates the resolvers that read it
 * (no reflection, native-safe). Rendering is strict (an expression that does not resolve fails) and
 * templates of HTML content escape every value they print, so customer data cannot inject markup.
 */
@ApplicationScoped
public class Templates {

    private final Engine engine;

    public Templates(Engine engine) {
        this.engine = engine;
    }

    /** A rendered letter whose template writes the subject on its first line and the body after it. */
    public record Titled(String subject, String body) {
    }

    /**
     * Renders the letter template {@code id} with its model as {@code m}: the first line of the
     * result is the subject, the rest (trimmed, ending in one newline, or empty) the body.
     */
    public Titled renderTitled(String id, Object model) {
        String[] subjectAndBody = template(id).data("m", model).render().strip().split("\n", 2);
        return new Titled(subjectAndBody[0].strip(), subjectAndBody.length > 1 ? subjectAndBody[1].strip() + "\n" : "");
    }

    /**
     * @throws IllegalStateException when {@code templates/<id>} is not on the class path
     */
    public Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("template templates/" + id + " is not on the class path");
        }
        return template;
    }
}
