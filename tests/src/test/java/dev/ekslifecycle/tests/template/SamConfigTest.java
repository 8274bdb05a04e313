package dev.ekslifecycle.tests.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.cloud.template.CloudFormationYaml;
import dev.ekslifecycle.tests.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * samconfig.toml holds what `sam deploy` needs to deploy template.yaml without questions: a stack name, a bucket for
 * function.zip, and the capabilities the template's resources demand, so a change to the template that needs a new
 * capability fails here instead of in CloudFormation.
 */
class SamConfigTest {

    private static final Pattern SECTION = Pattern.compile("^\\[(.+)]$");
    private static final Pattern ENTRY = Pattern.compile("^([a-z0-9_]+)\\s*=\\s*(.+)$");

    /** Properties that give an IAM resource a fixed name, which CloudFormation accepts only with CAPABILITY_NAMED_IAM. */
    private static final Set<String> IAM_NAMES = Set.of("RoleName", "UserName", "GroupName", "ManagedPolicyName",
            "InstanceProfileName");

    private static Map<String, String> deploy;

    @BeforeAll
    static void readConfig() throws IOException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(RepositoryFiles.resolve("samconfig.toml"))) {
            String line = raw.strip();
            Matcher section = SECTION.matcher(line);
            Matcher entry = ENTRY.matcher(line);
            if (section.matches()) {
                current = sections.computeIfAbsent(section.group(1), s -> new LinkedHashMap<>());
            } else if (entry.matches()) {
                current.put(entry.group(1), entry.group(2).replaceAll("^\"|\"$", ""));
            }
        }
        deploy = new LinkedHashMap<>(sections.getOrDefault("default.global.parameters", Map.of()));
        deploy.putAll(sections.getOrDefault("default.deploy.parameters", Map.of()));
    }

    @Test
    void namesTheStackAndWhereThePackageGoes() {
        assertFalse(deploy.getOrDefault("stack_name", "").isBlank(), "stack_name");
        assertTrue("true".equals(deploy.get("resolve_s3")) || deploy.containsKey("s3_bucket"),
                "sam deploy needs resolve_s3 = true or an s3_bucket for function.zip");
    }

    @Test
    void grantsTheCapabilitiesTheTemplateNeeds() throws IOException {
        String template = Files.readString(RepositoryFiles.resolve("template.yaml"));
        List<String> capabilities = List.of(deploy.getOrDefault("capabilities", "").split("\\s+"));
        boolean namedIam = IAM_NAMES.stream().anyMatch(name -> template.contains(name + ":"));
        boolean expands = template.contains("AWS::Serverless::Application") || template.contains("Fn::Transform");
        assertTrue(capabilities.contains(namedIam ? "CAPABILITY_NAMED_IAM" : "CAPABILITY_IAM"),
                "the template creates IAM roles" + (namedIam ? " with fixed names" : "") + "; capabilities: "
                        + capabilities);
        assertEquals(expands, capabilities.contains("CAPABILITY_AUTO_EXPAND"),
                "CAPABILITY_AUTO_EXPAND only for nested applications or macros");
    }

    @Test
    @SuppressWarnings("unchecked")
    void overridesOnlyParametersTheTemplateHas() throws IOException {
        Map<String, Object> parameters = (Map<String, Object>) CloudFormationYaml.read(
                RepositoryFiles.resolve("template.yaml")).get("Parameters");
        Matcher override = Pattern.compile("([A-Za-z0-9]+)=").matcher(deploy.getOrDefault("parameter_overrides", ""));
        while (override.find()) {
            assertTrue(parameters.containsKey(override.group(1)), override.group(1) + " is not a template parameter");
        }
    }
}
