package io.aimsledger.contracts;

/**
 * One producing domain's published events at one version: a sealed interface whose records are the
 * payloads. Each record's CloudEvents type is derived from its name, e.g. {@code AiSystemRegistered}
 * in domain {@code inventory}, version 1, is {@code io.aimsledger.inventory.ai-system-registered.v1}.
 */
public record DomainContract(String domain, int version, Class<?> events) {

    public DomainContract {
        if (!events.isSealed() || !events.isInterface()) {
            throw new IllegalArgumentException(events + " must be a sealed interface of records");
        }
    }

    /** {@code /aims/<domain>}, the CloudEvents source of every event of this domain. */
    public String source() {
        return "/aims/" + domain;
    }

    /** {@code aims.<domain>.v<version>}, the Kafka topic these events are published on. */
    public String topic() {
        return "aims." + domain + ".v" + version;
    }

    public String typeOf(Class<?> record) {
        return "io.aimsledger." + domain + "." + kebab(record.getSimpleName()) + ".v" + version;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
