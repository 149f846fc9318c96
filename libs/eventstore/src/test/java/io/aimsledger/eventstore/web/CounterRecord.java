package io.aimsledger.eventstore.web;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The sample counter's read model: an entity written in the command's transaction, as a service's would be. */
@Entity
@Table(name = "counter_record")
public class CounterRecord {

    @Id
    public String id;
    public int value;
    @Column(name = "counter_limit")
    public int limit;
    public long version;

    static CounterRecord of(String id, int value, int limit, long version) {
        var record = new CounterRecord();
        record.id = id;
        record.value = value;
        record.limit = limit;
        record.version = version;
        return record;
    }
}
