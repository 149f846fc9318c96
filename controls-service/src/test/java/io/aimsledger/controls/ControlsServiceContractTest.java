package io.aimsledger.controls;

import java.util.UUID;

import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.contract.SecuredServiceContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "controls"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class ControlsServiceContractTest extends SecuredServiceContract {

    @Override
    protected String writeEndpoint() {
        return "/api/v1/controls";
    }

    @Override
    protected String validWriteBody() {
        return "{\"id\": \"CUSTOM-" + UUID.randomUUID() + "\", \"title\": \"Model cards\"}";
    }

    @Override
    protected int writeSuccessStatus() {
        return 201;
    }
}
