package io.aimsledger.risk;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;

import io.aimsledger.risk.support.RiskApi;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.contract.SecuredServiceContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = RiskApi.DATABASE))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class RiskServiceContractTest extends SecuredServiceContract {

    private static UUID aiSystem;

    @BeforeAll
    static void anAiSystemToReferTo() throws Exception {
        aiSystem = RiskApi.aiSystem();
    }

    @Override
    protected String writeEndpoint() {
        return RiskApi.RISKS;
    }

    @Override
    protected String validWriteBody() {
        return "{\"aiSystemIds\": [\"" + aiSystem + "\"], \"title\": \"Contract\", \"category\": \"OTHER\", "
                + "\"owner\": \"alice\"}";
    }

    @Override
    protected int writeSuccessStatus() {
        return 201;
    }
}
