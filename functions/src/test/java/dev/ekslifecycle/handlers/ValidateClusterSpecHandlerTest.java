package dev.ekslifecycle.handlers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Drives the handler through Quarkus' mock Lambda event server, as the Lambda runtime would. */
@QuarkusTest
class ValidateClusterSpecHandlerTest {

    @Test
    void aValidSpecComesBackWithItsDefaults() {
        given().contentType("application/json").body("""
                        {"name": "orders", "version": "1.31", "roleArn": "arn:aws:iam::123456789012:role/eks",
                         "subnetIds": ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]}""")
                .when().post()
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("problems", empty())
                .body("spec.name", equalTo("orders"))
                .body("spec.deletionProtection", equalTo(true))
                .body("spec.upgradePolicy", equalTo("STANDARD"));
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        given().contentType("application/json").body("""
                        {"name": "orders", "version": "1.31.0", "roleArn": "arn:aws:iam::123456789012:role/eks",
                         "subnetIds": ["subnet-0a1b2c3d4e5f60718"], "colour": "blue",
                         "nodegroups": [{"name": "ng", "nodeRoleArn": "arn:aws:iam::123456789012:role/node",
                                         "minSize": 2, "maxSize": 3, "desiredSize": 1}]}""")
                .when().post()
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("spec", nullValue())
                .body("problems.path", contains("colour", "version", "subnetIds", "nodegroups[0].desiredSize"))
                .body("problems[3].reason", equalTo("must be at least minSize (2)"));
    }

    @Test
    void anEventThatIsNotAnObjectIsAnInvalidSpec() {
        given().contentType("application/json").body("[1, 2]")
                .when().post()
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems[0].path", equalTo("$"))
                .body("problems[0].reason", equalTo("must be an object"));
    }
}
