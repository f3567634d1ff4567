package org.loumen.core.db.schema;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/** A {@link JpaTemplate} whose every transaction first passes a {@link FirstUse} gate. */
final class FirstUseJpa implements JpaTemplate {

    private final FirstUse gate;
    private final JpaTemplate jpa;

    FirstUseJpa(FirstUse gate, JpaTemplate jpa) {
        this.gate = gate;
        this.jpa = jpa;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        gate.pass();
        return jpa.txExpr(type, code);
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        gate.pass();
        jpa.tx(type, code);
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        gate.pass();
        return jpa.txExpr(code);
    }

    @Override
    public void tx(EmConsumer code) {
        gate.pass();
        jpa.tx(code);
    }
}
