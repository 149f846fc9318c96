package io.aimsledger.contracts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CloudEvents type <-> payload record, for every published contract; producers and consumers share it. */
public final class ContractRegistry {

    private final Map<String, Class<?>> classByType = new HashMap<>();
    private final Map<Class<?>, String> typeByClass = new HashMap<>();
    private final Map<Class<?>, DomainContract> contractByClass = new HashMap<>();

    public ContractRegistry(List<DomainContract> contracts) {
        for (DomainContract contract : contracts) {
            for (Class<?> record : contract.events().getPermittedSubclasses()) {
                if (!record.isRecord()) {
                    throw new IllegalArgumentException(record + " is not a record");
                }
                String type = contract.typeOf(record);
                if (classByType.put(type, record) != null) {
                    throw new IllegalArgumentException("two payloads for type " + type);
                }
                typeByClass.put(record, type);
                contractByClass.put(record, contract);
            }
        }
    }

    public String typeOf(Object payload) {
        String type = typeByClass.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException(payload.getClass() + " is not a published event");
        }
        return type;
    }

    public DomainContract contractOf(Object payload) {
        DomainContract contract = contractByClass.get(payload.getClass());
        if (contract == null) {
            throw new IllegalArgumentException(payload.getClass() + " is not a published event");
        }
        return contract;
    }

    public Optional<DomainContract> contractOfType(String type) {
        return payloadClass(type).map(contractByClass::get);
    }

    public Optional<Class<?>> payloadClass(String type) {
        return Optional.ofNullable(classByType.get(type));
    }

    public boolean isKnown(String type) {
        return classByType.containsKey(type);
    }
}
