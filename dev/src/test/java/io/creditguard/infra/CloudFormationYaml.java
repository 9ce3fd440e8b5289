package io.creditguard.infra;

import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template in YAML, turning the short-form intrinsic tags ({@code !Ref},
 * {@code !Sub}, {@code !GetAtt A.B}, {@code !If}, …) into the long JSON form CloudFormation itself
 * uses ({@code {"Ref": …}}, {@code {"Fn::GetAtt": ["A", "B"]}}), so the result can be checked
 * against the SAM JSON schema.
 */
final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of("Ref", "Condition", "Sub", "GetAtt", "If", "Not", "Equals", "And",
            "Or", "Join", "Select", "Split", "FindInMap", "Base64", "Cidr", "GetAZs", "ImportValue", "Transform",
            "ToJsonString", "Length");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yaml) {
        return (Map<String, Object>) new Yaml(new IntrinsicConstructor()).load(yaml);
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic(function));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String function;

            Intrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                if (function.equals("GetAtt") && value instanceof String attribute) {
                    value = List.of(attribute.split("\\.", 2));
                }
                String key = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                return Map.of(key, value);
            }
        }
    }
}
