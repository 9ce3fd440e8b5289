package bench;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;

import io.quarkus.funqy.Funq;

/** Checks one constrained record made from the event and answers 200 (or 422), doing nothing else. */
public class BareFunction {

    /** The one constrained record: what the yardstick's validator has metadata for. */
    public record Route(@NotBlank String routeKey) {
    }

    @Inject
    Validator validator;

    @Funq("bare")
    public Map<String, Object> bare(Map<String, Object> event) {
        boolean valid = validator.validate(new Route(String.valueOf(event.get("routeKey")))).isEmpty();
        return Map.of("statusCode", valid ? 200 : 422, "body", "{}");
    }
}
