package io.aimsledger.inventory;

import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.contract.SecuredServiceContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "inventory"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class InventoryServiceContractTest extends SecuredServiceContract {

    @Override
    protected String writeEndpoint() {
        return "/api/v1/ai-systems";
    }

    @Override
    protected String validWriteBody() {
        return "{\"name\": \"Contract\", \"purpose\": \"p\", \"owner\": \"alice\", \"organizationRole\": \"DEPLOYER\"}";
    }

    @Override
    protected int writeSuccessStatus() {
        return 201;
    }
}
