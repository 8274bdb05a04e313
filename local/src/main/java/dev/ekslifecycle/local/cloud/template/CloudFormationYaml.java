package dev.ekslifecycle.local.cloud.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation YAML document into plain maps, lists and scalars, turning the short-form tags into the
 * long form CloudFormation defines for them: {@code !Ref X} becomes {@code {Ref: X}}, {@code !GetAtt A.B} becomes
 * {@code {Fn::GetAtt: [A, B]}}, {@code !Sub ...} becomes {@code {Fn::Sub: ...}} and so on. What the tags mean is
 * {@link Intrinsics}' business; an unknown tag is a YAML error here.
 */
public final class CloudFormationYaml {

    /** Every short-form tag CloudFormation defines; each maps to {@code Fn::Name}, except Ref and Condition. */
    private static final List<String> FUNCTION_TAGS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
            "ToJsonString", "Length");

    private CloudFormationYaml() {
    }

    public static Map<String, Object> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    public static Map<String, Object> parse(String yaml) {
        return parse(new java.io.StringReader(yaml), "template");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(Reader reader, String name) {
        Object document;
        try {
            document = new Yaml(new TagConstructor()).load(reader);
        } catch (YAMLException e) {
            throw new TemplateException(name, "not valid CloudFormation YAML: " + e.getMessage());
        }
        if (!(document instanceof Map)) {
            throw new TemplateException(name, "a template is a YAML mapping at the top level");
        }
        return (Map<String, Object>) document;
    }

    private static final class TagConstructor extends SafeConstructor {

        TagConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new ShortForm("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new ShortForm("Condition"));
            for (String function : FUNCTION_TAGS) {
                yamlConstructors.put(new Tag("!" + function), new ShortForm("Fn::" + function));
            }
        }

        /** {@code !Name value} → {@code {key: value}}, the value read as whatever kind of node it is. */
        private final class ShortForm extends AbstractConstruct {
            private final String key;

            ShortForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    // !GetAtt Resource.Attribute is the one short form whose scalar is split into the long form's list
                    value = key.equals("Fn::GetAtt") ? splitAttribute(text) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }

            private List<String> splitAttribute(String text) {
                int dot = text.indexOf('.');
                List<String> parts = new ArrayList<>();
                parts.add(dot < 0 ? text : text.substring(0, dot));
                if (dot >= 0) {
                    parts.add(text.substring(dot + 1));
                }
                return parts;
            }
        }
    }
}
