package io.aimsledger.audit;

import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.contract.SecuredServiceContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = PostgresResource.DATABASE, value = "audit"),
        @ResourceArg(name = PostgresResource.APPLICATION_ROLE, value = "aims_audit_app")})
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class AuditProjectionContractTest extends SecuredServiceContract {

    @Override
    protected String writeEndpoint() {
        return "/api/v1/audit/admin/rebuild";
    }

    @Override
    protected String writer() {
        return "admin";
    }

    @Override
    protected String validWriteBody() {
        return "{}";
    }

    @Override
    protected int writeSuccessStatus() {
        return 200;
    }
}
