package bench;

import java.util.Map;

import io.quarkus.funqy.Funq;

/** Answers an API Gateway event with a fixed 200, doing nothing else. */
public class BareFunction {

    @Funq("bare")
    public Map<String, Object> bare(Map<String, Object> event) {
        return Map.of("statusCode", 200, "body", "{}");
    }
}
