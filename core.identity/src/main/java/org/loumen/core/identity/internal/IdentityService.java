package org.loumen.core.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;
import javax.persistence.RollbackException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.OrganisationService;
import org.loumen.security.AuditRecord;
import org.loumen.security.AuditRecord.Outcome;
import org.loumen.security.AuditTrail;
import org.loumen.security.Authenticator;
import org.loumen.security.Caller;
import org.loumen.security.Role;
import org.loumen.security.RoleBinding;
import org.loumen.throttle.Throttles;
import org.loumen.web.ApiException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts, sign-in and sessions (账号与登录). Authenticates every API request for the dispatcher. Everything it
 * decides by lives in the database, read fresh at each request, so that several nodes on one database agree at once:
 * sessions ({@code IDN_SESSION}), accounts, and failed sign-ins and lockouts ({@code IDN_LOGIN_STATE}, also for names
 * without an account), whose counters are updated under a row lock taken in the database, not in this JVM.
 */
@Component(service = { Authenticator.class, IdentityService.class }, configurationPid = IdentityService.PID,
        immediate = true)
@Designate(ocd = IdentityService.Config.class)
public final class IdentityService implements Authenticator {

    static final String PID = "org.loumen.identity";

    /** Sign-in settings, editable at runtime (e.g. DATA/conf/org.loumen.identity.cfg). */
    @ObjectClassDefinition(id = PID, name = "Loumen 登录与账号 / sign-in and accounts",
            description = "会话、锁定与密码散列设置 / sessions, lockout and password hashing")
    public @interface Config {
        @AttributeDefinition(name = "会话空闲超时（分钟） / session idle timeout (minutes)", min = "1", max = "1440")
        int sessionIdleMinutes() default 30;

        @AttributeDefinition(name = "会话最长有效期（小时） / longest session (hours)", min = "1", max = "168")
        int sessionMaxHours() default 12;

        @AttributeDefinition(name = "连续失败几次后锁定账号 / failed sign-ins before the account locks", min = "3",
                max = "20")
        int lockoutThreshold() default 5;

        @AttributeDefinition(name = "锁定时长（分钟） / lockout (minutes)", min = "1", max = "1440")
        int lockoutMinutes() default 15;

        @AttributeDefinition(name = "同一客户端免等待的失败次数 / failures a client may make before it must wait",
                min = "3", max = "100")
        int clientFreeFailures() default 10;

        @AttributeDefinition(name = "客户端最长等待（秒） / longest wait imposed on a client (seconds)", min = "1",
                max = "3600")
        int clientMaxDelaySeconds() default 60;

        @AttributeDefinition(name = "PBKDF2 迭代次数 / PBKDF2 iterations", min = "100000", max = "10000000")
        int passwordHashIterations() default PasswordHasher.DEFAULT_ITERATIONS;
    }

    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    /** What a sign-in name may look like: a staff username, or a leader's (a mobile number, a work ID). */
    static final Pattern SIGN_IN_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final Logger LOG = LoggerFactory.getLogger(IdentityService.class);

    /** Carries an API refusal out of a transaction lambda, rolling the transaction back. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ApiException answer;

        Refused(ApiException answer) {
            super(answer.getMessage(), null, false, false);
            this.answer = answer;
        }
    }

    private final JpaTemplate jpa;
    private final OrganisationService organisation;
    private final LeaderLinks leaders;
    private final AuditTrail audit;
    private final Clock clock;
    private final Sessions sessions;
    private volatile PasswordHasher hasher;
    private final Throttles throttles;
    private volatile Throttles.Backoff throttle;
    private volatile Config config;
    /** When sign-in state of names without an account was last purged. */
    private volatile long lastPhantomPurge;
    /** A hash to check unknown usernames against, so their answer takes as long as a wrong password's. */
    private volatile String decoyHash;

    @Activate
    public IdentityService(@Reference(target = "(osgi.unit.name=loumen.identity)") JpaTemplate jpa,
            @Reference OrganisationService organisation, @Reference LeaderService leaders,
            @Reference AuditTrail audit, @Reference Throttles throttles, BundleContext context, Config config) {
        this.jpa = jpa;
        this.organisation = organisation;
        this.leaders = new LeaderLinks(leaders);
        this.audit = audit;
        this.throttles = throttles;
        this.clock = Clock.systemUTC();
        this.sessions = new Sessions(new JpaSessionStore(jpa), clock, 0, 0);
        configure(config);
        new InitialAccounts(this, organisation, context).ensure();
    }

    @Modified
    void configure(Config c) {
        this.config = c;
        this.hasher = new PasswordHasher(c.passwordHashIterations());
        this.decoyHash = null; // made at the first unknown name, not on the start-up path (a hash costs ~0.25 s)
        this.throttle = throttles.backoff("signin", c.clientFreeFailures(),
                Duration.ofSeconds(c.clientMaxDelaySeconds()));
        // settings applied (at start or when changed) start the counts afresh, on every node, as they did in memory
        throttle.forgetAll();
        sessions.limits(Math.max(1, c.sessionIdleMinutes()) * 60_000L, Math.max(1, c.sessionMaxHours()) * 3_600_000L);
    }

    // ---- authentication -------------------------------------------------------------------------------------

    @Override
    public Optional<Caller> authenticate(String token) {
        // one transaction: the session's row (and, at most once a minute, its idle timer) and the account's row
        Optional<Map.Entry<Sessions.Session, Optional<Account>>> found = jpa.txExpr(em -> sessions.use(token)
                .map(s -> Map.entry(s, Optional.ofNullable(account(s.username())))));
        Optional<Sessions.Session> session = found.map(Map.Entry::getKey);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Account account = found.get().getValue().orElse(null);
        if (account == null || !account.enabled()) {
            sessions.revokeAll(session.get().username(), null);
            return Optional.empty();
        }
        if (account.leaderId() != null) {
            // a leader's roles are read from the leader record at every request: leaving service ends them at once
            Optional<List<RoleBinding>> derived = leaders.bindings(account.leaderId());
            if (derived.isEmpty()) {
                sessions.revokeAll(session.get().username(), null);
                return Optional.empty();
            }
            return Optional.of(account.caller(derived.get()));
        }
        return Optional.of(account.caller());
    }

    /** The account as stored now: no cache, so a change made on another node counts at the next request. */
    private Account account(String username) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(AccountEntity.class, username))
                .map(Account::of).orElse(null));
    }

    /** A successful sign-in. */
    record Login(String token, long expiresAt, UserView user) {
    }

    /**
     * Signs in, or refuses with 401 (wrong name or password: the same answer for both), 423 (account locked),
     * 403 (account disabled) or 429 (this client must wait). Every attempt is audited.
     */
    Login login(String username, String password, String client) throws ApiException {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String shown = name.length() > 32 ? name.substring(0, 32) : name;
        long wait = throttle.waitMillis(client);
        if (wait > 0) {
            trail("anonymous", client, shown, Outcome.FAILURE, 429, "client throttled for " + (wait + 999) / 1000
                    + " s");
            throw throttled(wait);
        }
        String pw = password == null ? "" : password;
        // the hash is checked outside any lock: a slow PBKDF2 must not queue everyone else's sign-in behind it
        AccountEntity found = SIGN_IN_NAME.matcher(name).matches()
                ? jpa.txExpr(em -> em.find(AccountEntity.class, name)) : null;
        long now = clock.millis();
        if (found == null) {
            // an unknown name fails, and locks, exactly like a real account: lockout must not reveal which exist
            purgePhantoms(now);
            LoginStateEntity phantom = jpa.txExpr(em -> em.find(LoginStateEntity.class, shown));
            long lockedUntil = phantom == null ? 0 : phantom.lockedUntil();
            if (lockedUntil > now) {
                throttle.failed(client);
                trail("anonymous", client, shown, Outcome.FAILURE, 423, "unknown account");
                throw locked(lockedUntil, now);
            }
            String decoy = decoyHash;
            if (decoy == null) {
                decoy = hasher.hash(PasswordPolicy.generate());
                decoyHash = decoy;
            }
            hasher.matches(pw, decoy);
            throttle.failed(client);
            recordFailure(shown, now);
            trail("anonymous", client, shown, Outcome.FAILURE, 401, "unknown account");
            throw invalidCredentials();
        }
        LoginStateEntity state = jpa.txExpr(em -> em.find(LoginStateEntity.class, name));
        if (state != null && state.lockedUntil() > now) {
            throttle.failed(client);
            trail("anonymous", client, name, Outcome.FAILURE, 423, "account locked");
            throw locked(state.lockedUntil(), now);
        }
        if (!hasher.matches(pw, found.passwordHash())) {
            throttle.failed(client);
            boolean locked = recordFailure(name, now);
            trail("anonymous", client, name, Outcome.FAILURE, 401,
                    locked ? "wrong password; account locked" : "wrong password");
            throw invalidCredentials();
        }
        if (!found.enabled()) {
            trail("anonymous", client, name, Outcome.FAILURE, 403, "account disabled");
            throw new ApiException(403, "account-disabled", "账号已停用 / the account is disabled");
        }
        if (found.leaderId() != null && leaders.bindings(found.leaderId()).isEmpty()) {
            trail("anonymous", client, name, Outcome.FAILURE, 403, "leader not in service");
            throw new ApiException(403, "leader-not-in-service", "您已不在任，无法登录 / you are no longer in service");
        }
        String rehash = hasher.outdated(found.passwordHash()) ? hasher.hash(pw) : null;
        withLoginState(name, (em, s) -> {
            s.succeed(now);
            if (rehash != null) {
                em.find(AccountEntity.class, name).rehash(rehash);
            }
            return null;
        });
        Sessions.Issued issued = sessions.issue(name);
        trail(name, client, name, Outcome.SUCCESS, 200, null);
        return new Login(issued.token(), issued.expiresAt(), view(name).orElseThrow());
    }

    /** 423: the same answer for a locked account and for an unknown name that failed as often. */
    private static ApiException locked(long lockedUntil, long now) {
        long minutes = (lockedUntil - now + 59_999) / 60_000;
        return new ApiException(423, "account-locked", "账号因多次登录失败已锁定，请 " + minutes
                + " 分钟后再试或联系管理员 / the account is locked after repeated failed sign-ins; try again in "
                + minutes + " min or ask an administrator").retryAfter((lockedUntil - now + 999) / 1000);
    }

    /** 429 for a client that must wait, with Retry-After. */
    private static ApiException throttled(long waitMillis) {
        long seconds = (waitMillis + 999) / 1000;
        return new ApiException(429, "too-many-attempts", "尝试过于频繁，请 " + seconds + " 秒后再试 / too many failed "
                + "attempts from this client; try again in " + seconds + " s").retryAfter(seconds);
    }

    /** Counts a failed sign-in (of an account or of a name without one) under the row's lock in the database. */
    private boolean recordFailure(String name, long now) {
        Config c = config;
        return withLoginState(name, (em, s) -> s.fail(now, c.lockoutThreshold(), c.lockoutMinutes() * 60_000L));
    }

    /**
     * Changes a name's sign-in counters under a row lock taken in the database ({@code SELECT … FOR UPDATE}), so that
     * parallel failures on any number of nodes are all counted. The row is created when missing; when two nodes create
     * it at once, the loser's transaction fails on the primary key and is tried again, finding the row.
     */
    private <T> T withLoginState(String name, java.util.function.BiFunction<EntityManager, LoginStateEntity, T> change) {
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

    /**
     * Forgets, at most once a minute, the failures of names that have no account once they are a day old and not
     * locked: the table cannot be filled by trying random names.
     */
    private void purgePhantoms(long now) {
        if (now - lastPhantomPurge < 60_000) {
            return;
        }
        lastPhantomPurge = now;
        jpa.tx(em -> em.createQuery("delete from LoginStateEntity s where s.lastLoginAt = 0 and s.lockedUntil < :now "
                + "and s.lastFailureAt < :old and s.username not in (select a.username from AccountEntity a)")
                .setParameter("now", now).setParameter("old", now - 86_400_000L).executeUpdate());
    }

    private void trail(String actor, String client, String object, Outcome outcome, int status, String detail) {
        audit.record(new AuditRecord(actor, client, "auth.login", object, null, outcome, status, detail));
    }

    private static ApiException invalidCredentials() {
        return new ApiException(401, "invalid-credentials", "用户名或密码错误 / wrong username or password");
    }

    boolean logout(String token) {
        return sessions.revoke(token);
    }

    long expiresAt(String token) {
        return sessions.expiresAt(token);
    }

    /**
     * Changes the caller's own password. Guarded like a sign-in, since it answers whether a password is right: the
     * client's backoff applies (429), a locked account is refused (423), and a wrong current password counts as a
     * failed sign-in towards the lockout and the client's backoff. The new password may not be a common one, nor the
     * current or the previous one. Every other session of the user ends.
     */
    void changeOwnPassword(Caller caller, String token, String current, String next, String client)
            throws ApiException {
        String name = caller.username();
        if (current == null || current.isEmpty()) {
            throw ApiException.invalidField("currentPassword", "请输入当前密码 / the current password is required");
        }
        long wait = throttle.waitMillis(client);
        if (wait > 0) {
            passwordTrail(name, client, Outcome.FAILURE, 429, "client throttled");
            throw throttled(wait);
        }
        long now = clock.millis();
        LoginStateEntity state = jpa.txExpr(em -> em.find(LoginStateEntity.class, name));
        if (state != null && state.lockedUntil() > now) {
            throttle.failed(client);
            passwordTrail(name, client, Outcome.FAILURE, 423, "account locked");
            throw locked(state.lockedUntil(), now);
        }
        AccountEntity a = jpa.txExpr(em -> em.find(AccountEntity.class, name));
        if (a == null || !hasher.matches(current, a.passwordHash())) {
            throttle.failed(client);
            boolean lockedNow = recordFailure(name, now);
            passwordTrail(name, client, Outcome.FAILURE, 400, lockedNow ? "wrong current password; account locked"
                    : "wrong current password");
            throw ApiException.invalidField("currentPassword", "当前密码不正确 / the current password is wrong");
        }
        String problem = PasswordPolicy.problem(name, next).orElse(null);
        if (problem != null) {
            throw ApiException.invalidField("newPassword", problem);
        }
        if (next.equals(current)) {
            throw ApiException.invalidField("newPassword", "新密码不能与当前密码相同 / the new password must differ");
        }
        if (a.previousPasswordHash() != null && hasher.matches(next, a.previousPasswordHash())) {
            throw ApiException.invalidField("newPassword", "新密码不能是上一个密码 / the new password must not be the "
                    + "previous one");
        }
        String hash = hasher.hash(next);
        jpa.tx(em -> em.find(AccountEntity.class, name).setPassword(hash, false));
        sessions.revokeAll(name, token);
        InitialAccounts.forgetInitialPassword(name);
    }

    private void passwordTrail(String name, String client, Outcome outcome, int status, String detail) {
        audit.record(new AuditRecord(name, client, "auth.password", name, null, outcome, status, detail));
    }

    // ---- accounts ---------------------------------------------------------------------------------------------

    Optional<UserView> view(String username) {
        Optional<UserView> stored = jpa.txExpr(em -> Optional.ofNullable(em.find(AccountEntity.class, username))
                .map(a -> UserView.of(a, em.find(LoginStateEntity.class, username))));
        return stored.map(leaders::view);
    }

    /**
     * The nodes an account's roles are held at, which a manager must cover to see it; the district for an account
     * without roles; empty when there is no such account.
     */
    List<String> nodesOf(String username) {
        Account a = SIGN_IN_NAME.matcher(username).matches() ? account(username) : null;
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
            throws ApiException {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw ApiException.invalidField("username", "用户名须为 3 至 32 位小写字母、数字或 . _ -，以字母开头 / a "
                    + "username is 3-32 lower-case letters, digits or . _ -, starting with a letter");
        }
        String display = displayName(displayName);
        List<RoleBinding> bindings = checkBindings(actor, requested);
        boolean generated = password == null;
        String pw = generated ? PasswordPolicy.generate() : password;
        String problem = PasswordPolicy.problem(name, pw).orElse(null);
        if (problem != null) {
            throw ApiException.invalidField("password", problem);
        }
        String hash = hasher.hash(pw);
        long now = clock.millis();
        UserView view = inTx(em -> {
            if (em.find(AccountEntity.class, name) != null) {
                throw new Refused(ApiException.conflict("username-taken", "用户名已存在 / username taken: " + name));
            }
            AccountEntity a = new AccountEntity(name, display, hash, true, bindings, now, actor.username());
            em.persist(a);
            em.flush();
            return UserView.of(a, null);
        });
        return new Created(view, generated ? pw : null);
    }

    /** Creates an account without an acting user: the initial administrator and demo accounts. */
    void createInitial(String username, String displayName, List<RoleBinding> bindings, String password,
            boolean mustChange) {
        String hash = hasher.hash(password);
        jpa.tx(em -> em.persist(new AccountEntity(username, displayName, hash, mustChange, bindings,
                clock.millis(), "system")));
    }

    boolean hasAccounts() {
        return jpa.txExpr(em -> em.createQuery("select count(a) from AccountEntity a", Long.class)
                .getSingleResult() > 0);
    }

    boolean exists(String username) {
        return account(username) != null;
    }

    /**
     * Changes an account's name, roles or enabled flag. The actor must be able to grant every role the account holds
     * now and every role it is given; nobody changes their own account this way.
     */
    UserView update(Caller actor, String username, String displayName, List<RoleBinding> requested, Boolean enabled,
            long expectedVersion) throws ApiException {
        checkManageable(actor, username);
        if (requested != null && account(username).leaderId() != null) {
            throw ApiException.invalidField("bindings", "楼门栋长账号的权限来自其任职，不能在此修改 / a leader account's "
                    + "roles come from the leader's assignments and cannot be set here");
        }
        String display = displayName == null ? null : displayName(displayName);
        List<RoleBinding> bindings = requested == null ? null : checkBindings(actor, requested);
        UserView view;
        try {
            view = inTx(em -> {
                AccountEntity a = em.find(AccountEntity.class, username);
                if (a.version() != expectedVersion) {
                    throw new Refused(stale());
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
            int ended = sessions.revokeAll(username, null);
            LOG.info("Account {} disabled by {}; {} session(s) ended", username, actor.username(), ended);
        }
        return view;
    }

    /** Sets a generated password the user must change, unlocks the account and ends its sessions. */
    String resetPassword(Caller actor, String username) throws ApiException {
        checkManageable(actor, username);
        String pw = PasswordPolicy.generate();
        String hash = hasher.hash(pw);
        withLoginState(username, (em, s) -> {
            em.find(AccountEntity.class, username).setPassword(hash, true);
            s.unlock();
            return null;
        });
        sessions.revokeAll(username, null);
        return pw;
    }

    UserView unlock(Caller actor, String username) throws ApiException {
        checkManageable(actor, username);
        withLoginState(username, (em, s) -> {
            s.unlock();
            return null;
        });
        return view(username).orElseThrow();
    }

    private void checkManageable(Caller actor, String username) throws ApiException {
        if (username.equals(actor.username())) {
            throw new ApiException(403, "own-account", "不能在此修改自己的账号，修改密码请用 /auth/password / you cannot "
                    + "manage your own account here; change your password at /auth/password");
        }
        Account target = account(username);
        if (target == null) {
            throw ApiException.notFound("账号", "account", username);
        }
        List<RoleBinding> held = target.leaderId() == null ? target.bindings()
                : List.of(leaders.managedAt(target.leaderId())
                        .orElse(new RoleBinding(Role.DISTRICT_ADMIN, organisation.district().code())));
        for (RoleBinding b : held) {
            if (!mayGrant(actor, b)) {
                throw new ApiException(403, "forbidden", "无权管理持有 " + b.role().zh() + " 角色的账号 / you may not "
                        + "manage an account holding " + b.role() + " at " + b.node());
            }
        }
    }

    private static boolean mayGrant(Caller actor, RoleBinding b) {
        return actor.bindings().stream().anyMatch(c -> c.covers(b.node()) && c.role().mayGrant(b.role()));
    }

    /** Validates requested roles: known nodes of the right level, grantable by the actor, auditors alone. */
    private List<RoleBinding> checkBindings(Caller actor, List<RoleBinding> requested) throws ApiException {
        if (requested == null || requested.isEmpty()) {
            throw ApiException.invalidField("bindings", "至少需要一个角色 / at least one role is required");
        }
        List<RoleBinding> out = new ArrayList<>(new LinkedHashSet<>(requested));
        String district = organisation.district().code();
        for (int i = 0; i < out.size(); i++) {
            RoleBinding b = out.get(i);
            String field = "bindings[" + i + "].node";
            boolean known = switch (b.role()) {
                case DISTRICT_ADMIN, AUDITOR -> b.node().equals(district);
                case STREET_ADMIN -> organisation.street(b.node()).isPresent();
                case COMMUNITY_SECRETARY -> organisation.community(b.node()).isPresent();
                case LEADER -> organisation.community(b.node()).isPresent() || placeExists(b.node());
            };
            if (!known) {
                String level = switch (b.role()) {
                    case DISTRICT_ADMIN, AUDITOR -> "本区代码 / the district's code " + district;
                    case STREET_ADMIN -> "已有街道的 9 位代码 / the 9-digit code of an existing street";
                    case COMMUNITY_SECRETARY -> "已有社区的 12 位代码 / the 12-digit code of an existing community";
                    case LEADER -> "已有社区、楼栋或单元的代码 / the code of an existing community, building or unit";
                };
                throw ApiException.invalidField(field, b.role() + " 的节点须为" + level + " / bad node for " + b.role()
                        + ": " + b.node());
            }
            if (!mayGrant(actor, b)) {
                throw new ApiException(403, "forbidden", "无权授予该角色 / you may not grant " + b.role() + " at "
                        + b.node(), field);
            }
        }
        if (out.stream().anyMatch(b -> b.role() == Role.AUDITOR) && out.size() > 1) {
            throw ApiException.invalidField("bindings", "审计员不能兼任其他角色（三权分立） / an auditor holds no other "
                    + "role (separation of duties)");
        }
        out.sort(Comparator.comparing(RoleBinding::role).thenComparing(RoleBinding::node));
        return List.copyOf(out);
    }

    /** Whether a building ({@code …B003}) or unit ({@code …B003U02}) code names an existing place. */
    private boolean placeExists(String code) {
        if (!code.matches("\\d{12}B\\d{3}(U\\d{2})?")) {
            return false;
        }
        try {
            return organisation.buildings(code.substring(0, 12)).stream().anyMatch(b -> b.code().equals(code)
                    || b.units().stream().anyMatch(u -> u.code().equals(code)));
        } catch (org.loumen.core.model.ModelException e) {
            return false;
        }
    }

    private static String displayName(String displayName) throws ApiException {
        String d = displayName == null ? "" : displayName.strip();
        if (d.isEmpty() || d.length() > 60) {
            throw ApiException.invalidField("displayName", "姓名须为 1 至 60 个字符 / displayName must be 1-60 characters");
        }
        return d;
    }

    private static ApiException stale() {
        return new ApiException(409, "stale-version",
                "数据已被他人修改，请刷新后重试 / changed by someone else since you read it; reload and retry", "version");
    }

    private <T> T inTx(Function<EntityManager, T> work) throws ApiException {
        try {
            return jpa.txExpr(work::apply);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Refused r) {
                    throw r.answer;
                }
            }
            throw e;
        }
    }
}
