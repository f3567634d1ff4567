package org.loumen.core.identity.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.OptimisticLockException;
import javax.persistence.RollbackException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.OrganisationService;
import org.loumen.domain.Refusal;
import org.loumen.security.Caller;
import org.loumen.security.Role;
import org.loumen.security.RoleBinding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Managing accounts (账号管理): listing them within a manager's scope, creating them, changing names, roles and the
 * enabled flag, resetting passwords and lifting lockouts. Each role manages only the roles below it, within its own
 * scope, and nobody manages their own account here. Signing in and sessions are {@link IdentityService}'s; a disabled
 * account's or a reset password's sessions end through it.
 */
@Component(service = AccountAdministration.class)
public final class AccountAdministration {

    static final Pattern USERNAME = AccountRules.USERNAME;
    private static final Logger LOG = LoggerFactory.getLogger(AccountAdministration.class);

    private final AccountStore store;
    private final OrganisationService organisation;
    private final LeaderLinks leaders;
    private final IdentityService identity;
    private final JpaTemplate jpa;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public AccountAdministration(@Reference(target = "(osgi.unit.name=loumen.identity)") JpaTemplate jpa,
            @Reference OrganisationService organisation, @Reference LeaderService leaders,
            @Reference IdentityService identity) {
        this.jpa = jpa;
        this.organisation = organisation;
        this.leaders = new LeaderLinks(leaders);
        this.identity = identity;
        this.store = new AccountStore(jpa, clock, this.leaders);
    }

    Optional<UserView> view(String username) {
        return store.view(username);
    }

    /**
     * The nodes an account's roles are held at, which a manager must cover to see it; the district for an account
     * without roles; empty when there is no such account.
     */
    List<String> nodesOf(String username) {
        Account a = IdentityService.SIGN_IN_NAME.matcher(username).matches() ? store.account(username) : null;
        if (a == null) {
            return List.of();
        }
        if (a.leaderId() != null) {
            return List.of(leaders.managedAt(a.leaderId()).map(RoleBinding::node)
                    .orElse(organisation.district().code()));
        }
        if (a.bindings().isEmpty()) {
            return List.of(organisation.district().code());
        }
        return a.bindings().stream().map(RoleBinding::node).distinct().toList();
    }

    /** One page of the accounts whose every role lies within the scopes. */
    record Page(List<UserView> items, int total, int page, int size) {
        Page withLeaderBindings(java.util.function.UnaryOperator<UserView> derive) {
            return new Page(items.stream().map(derive).toList(), total, page, size);
        }
    }

    Page list(Set<String> scopes, String nodePrefix, String q, Role role, int page, int size) {
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        String district = organisation.district().code();
        boolean anyLinked = jpa.txExpr(em -> em.createQuery("select count(a) from AccountEntity a where a.leaderId "
                + "is not null", Long.class).getSingleResult() > 0);
        // leaders' accounts are at their leader's community; leaders outside the scopes are not listed
        Map<Long, String> leaderCommunities = anyLinked ? leaders.communities(scopes) : Map.of();
        return jpa.txExpr(em -> {
            Map<String, LoginStateEntity> states = new HashMap<>();
            em.createQuery("select s from LoginStateEntity s", LoginStateEntity.class).getResultList()
                    .forEach(s -> states.put(s.username(), s));
            List<UserView> all = em.createQuery("select a from AccountEntity a order by a.username",
                    AccountEntity.class).getResultList().stream()
                    .filter(a -> {
                        List<RoleBinding> held = a.leaderId() == null ? a.bindings()
                                : List.of(new RoleBinding(Role.LEADER, leaderCommunities.getOrDefault(a.leaderId(),
                                        district)));
                        List<String> nodes = held.isEmpty() ? List.of(district)
                                : held.stream().map(RoleBinding::node).toList();
                        return nodes.stream().allMatch(n -> scopes.stream().anyMatch(n::startsWith))
                                && (nodePrefix == null || nodes.stream().anyMatch(n -> n.startsWith(nodePrefix)))
                                && (role == null || held.stream().anyMatch(b -> b.role() == role))
                                && (needle == null || a.username().contains(needle)
                                        || a.displayName().toLowerCase(Locale.ROOT).contains(needle));
                    })
                    .map(a -> UserView.of(a, states.get(a.username()))).toList();
            int from = Math.min(all.size(), (page - 1) * size);
            return new Page(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
        }).withLeaderBindings(leaders::view);
    }

    /** A new account and the password to hand over, if one was generated. */
    record Created(UserView user, String temporaryPassword) {
    }

    /**
     * Creates an account. The password is generated unless given; either way it was chosen by someone else, so the
     * user must change it at first sign-in.
     */
    Created create(Caller actor, String username, String displayName, List<RoleBinding> requested, String password)
            throws Refusal {
        String name = AccountRules.username(username);
        String display = displayName(displayName);
        List<RoleBinding> bindings = checkBindings(actor, requested);
        boolean generated = password == null;
        String pw = generated ? PasswordPolicy.generate() : password;
        String problem = PasswordPolicy.problem(name, pw).orElse(null);
        if (problem != null) {
            throw Refusal.invalidField("password", problem);
        }
        String hash = identity.hasher().hash(pw);
        long now = clock.millis();
        UserView view = store.inTx(em -> {
            if (em.find(AccountEntity.class, name) != null) {
                throw new AccountStore.Refused(new Refusal(Refusal.Kind.CONFLICT, "username-taken",
                        "用户名已存在 / username taken: " + name, null));
            }
            AccountEntity a = new AccountEntity(name, display, hash, true, bindings, now, actor.username());
            em.persist(a);
            em.flush();
            return UserView.of(a, null);
        });
        return new Created(view, generated ? pw : null);
    }

    /**
     * Changes an account's name, roles or enabled flag. The actor must be able to grant every role the account holds
     * now and every role it is given; nobody changes their own account this way.
     */
    UserView update(Caller actor, String username, String displayName, List<RoleBinding> requested, Boolean enabled,
            long expectedVersion) throws Refusal {
        checkManageable(actor, username);
        if (requested != null && store.account(username).leaderId() != null) {
            throw Refusal.invalidField("bindings", "楼门栋长账号的权限来自其任职，不能在此修改 / a leader account's "
                    + "roles come from the leader's assignments and cannot be set here");
        }
        String display = displayName == null ? null : displayName(displayName);
        List<RoleBinding> bindings = requested == null ? null : checkBindings(actor, requested);
        UserView view;
        try {
            view = store.inTx(em -> {
                AccountEntity a = em.find(AccountEntity.class, username);
                if (a.version() != expectedVersion) {
                    throw new AccountStore.Refused(stale());
                }
                if (display != null) {
                    a.setDisplayName(display);
                }
                if (bindings != null) {
                    a.setBindings(bindings);
                }
                if (enabled != null) {
                    a.setEnabled(enabled);
                }
                em.flush();
                return UserView.of(a, em.find(LoginStateEntity.class, username));
            });
            view = leaders.view(view);
        } catch (OptimisticLockException | RollbackException e) {
            throw stale();
        }
        if (Boolean.FALSE.equals(enabled)) {
            int ended = identity.endSessions(username);
            LOG.info("Account {} disabled by {}; {} session(s) ended", username, actor.username(), ended);
        }
        return view;
    }

    /** Sets a generated password the user must change, unlocks the account and ends its sessions. */
    String resetPassword(Caller actor, String username) throws Refusal {
        checkManageable(actor, username);
        String pw = PasswordPolicy.generate();
        String hash = identity.hasher().hash(pw);
        store.withLoginState(username, (em, s) -> {
            em.find(AccountEntity.class, username).setPassword(hash, true);
            s.unlock();
            return null;
        });
        identity.endSessions(username);
        return pw;
    }

    UserView unlock(Caller actor, String username) throws Refusal {
        checkManageable(actor, username);
        store.withLoginState(username, (em, s) -> {
            s.unlock();
            return null;
        });
        return store.view(username).orElseThrow();
    }

    private void checkManageable(Caller actor, String username) throws Refusal {
        if (username.equals(actor.username())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "own-account",
                    "不能在此修改自己的账号，修改密码请用 /auth/password / you cannot "
                    + "manage your own account here; change your password at /auth/password", null);
        }
        Account target = store.account(username);
        if (target == null) {
            throw Refusal.notFound("账号", "account", username);
        }
        List<RoleBinding> held = target.leaderId() == null ? target.bindings()
                : List.of(leaders.managedAt(target.leaderId())
                        .orElse(new RoleBinding(Role.DISTRICT_ADMIN, organisation.district().code())));
        for (RoleBinding b : held) {
            if (!mayGrant(actor, b)) {
                throw new Refusal(Refusal.Kind.FORBIDDEN, "forbidden",
                        "无权管理持有 " + b.role().zh() + " 角色的账号 / you may not "
                        + "manage an account holding " + b.role() + " at " + b.node(), null);
            }
        }
    }

    private static boolean mayGrant(Caller actor, RoleBinding b) {
        return AccountRules.mayGrant(actor, b);
    }

    /** Validates requested roles against the organisation as it is now: see {@link AccountRules#bindings}. */
    private List<RoleBinding> checkBindings(Caller actor, List<RoleBinding> requested) throws Refusal {
        String district = organisation.district().code();
        return AccountRules.bindings(actor, requested, district, (role, node) -> switch (role) {
            case DISTRICT_ADMIN, AUDITOR -> node.equals(district);
            case STREET_ADMIN -> organisation.street(node).isPresent();
            case COMMUNITY_SECRETARY -> organisation.community(node).isPresent();
            case LEADER -> organisation.community(node).isPresent() || placeExists(node);
        });
    }

    /** Whether a building ({@code …B003}) or unit ({@code …B003U02}) code names an existing place. */
    private boolean placeExists(String code) {
        if (!DivisionCodes.hasBuildingOrUnitForm(code)) {
            return false;
        }
        try {
            return organisation.buildings(code.substring(0, 12)).stream().anyMatch(b -> b.code().equals(code)
                    || b.units().stream().anyMatch(u -> u.code().equals(code)));
        } catch (org.loumen.core.model.ModelException e) {
            return false;
        }
    }

    private static String displayName(String displayName) throws Refusal {
        return AccountRules.displayName(displayName);
    }

    private static Refusal stale() {
        return Refusal.stale();
    }
}
