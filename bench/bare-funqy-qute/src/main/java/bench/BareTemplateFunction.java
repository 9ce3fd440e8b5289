package bench;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import io.quarkus.funqy.Funq;
import io.quarkus.qute.Template;

/**
 * Checks one constrained record made from the event, renders it with one template and answers 200 (or 422), doing
 * nothing else: bare-funqy's work and the least a function that renders letters does with Qute.
 */
public class BareTemplateFunction {

    /** The one constrained record, and the one template's model. */
    public record Route(@NotBlank String routeKey) {
    }

    @Inject
    Validator validator;

    /** templates/route.txt, which declares its model, so the build checks it as it checks creditguard's letters. */
    @Inject
    Template route;

    @Funq("bare-qute")
    public Map<String, Object> bareQute(Map<String, Object> event) {
        Route r = new Route(String.valueOf(event.get("routeKey")));
        boolean valid = validator.validate(r).isEmpty();
        return Map.of("statusCode", valid ? 200 : 422, "body", route.data("route", r).render());
    }
}
