package org.loumen.core.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.domain.Refusal;
import org.loumen.security.RoleBinding;

/**
 * The account rows both halves of identity read and change (账号数据): accounts as stored now (no cache, so a change
 * made on another node counts at the next request), their sign-in counters under a database row lock, and the
 * accounts made before anyone can sign in. Used by {@link IdentityService} (sign-in and sessions),
 * {@link AccountAdministration} (managing accounts) and {@link InitialAccounts}.
 */
final class AccountStore {

    /** Carries a refusal out of a transaction lambda, rolling the transaction back. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Refusal answer;

        Refused(Refusal answer) {
            super(answer.getMessage(), null, false, false);
            this.answer = answer;
        }
    }

    private final JpaTemplate jpa;
    private final Clock clock;
    private final LeaderLinks leaders;

    AccountStore(JpaTemplate jpa, Clock clock, LeaderLinks leaders) {
        this.jpa = jpa;
        this.clock = clock;
        this.leaders = leaders;
    }

    /** The account as stored now, or {@code null}. */
    Account account(String username) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(AccountEntity.class, username))
                .map(Account::of).orElse(null));
    }

    /** The account as shown, a leader's with the roles its leader record gives it now. */
    Optional<UserView> view(String username) {
        Optional<UserView> stored = jpa.txExpr(em -> Optional.ofNullable(em.find(AccountEntity.class, username))
                .map(a -> UserView.of(a, em.find(LoginStateEntity.class, username))));
        return stored.map(leaders::view);
    }

    boolean hasAccounts() {
        return jpa.txExpr(em -> em.createQuery("select count(a) from AccountEntity a", Long.class)
                .getSingleResult() > 0);
    }

    boolean exists(String username) {
        return account(username) != null;
    }

    /** Stores an account made without an acting user (the initial administrator, demo accounts). */
    void createInitial(String username, String displayName, List<RoleBinding> bindings, String passwordHash,
            boolean mustChange) {
        jpa.tx(em -> em.persist(new AccountEntity(username, displayName, passwordHash, mustChange, bindings,
                clock.millis(), "system")));
    }

    /**
     * Changes a name's sign-in counters under a row lock taken in the database ({@code SELECT … FOR UPDATE}), so that
     * parallel failures on any number of nodes are all counted. The row is created when missing; when two nodes create
     * it at once, the loser's transaction fails on the primary key and is tried again, finding the row.
     */
    <T> T withLoginState(String name, BiFunction<EntityManager, LoginStateEntity, T> change) {
        for (int attempt = 1;; attempt++) {
            try {
                return jpa.txExpr(em -> {
                    LoginStateEntity s = em.find(LoginStateEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
                    if (s == null) {
                        s = new LoginStateEntity(name);
                        em.persist(s);
                        em.flush();
                    }
                    return change.apply(em, s);
                });
            } catch (RuntimeException e) { // the first row of a name, created on two nodes at once
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** Runs work in a transaction; a {@link Refused} thrown inside leaves as its answer. */
    <T> T inTx(Function<EntityManager, T> work) throws Refusal {
        try {
            // an account changed: the identity version moves on with it, checked tokens read it afresh
            return jpa.txExpr(em -> {
                T result = work.apply(em);
                CheckedTokens.bump(em);
                return result;
            });
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Refused r) {
                    throw r.answer;
                }
            }
            throw e;
        } finally {
            CheckedTokens.changed();
        }
    }
}
