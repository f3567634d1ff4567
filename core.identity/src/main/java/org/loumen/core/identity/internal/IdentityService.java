package org.loumen.core.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.db.schema.DatabaseAtStart;
import org.loumen.core.db.schema.FirstUse;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.OrganisationService;
import org.loumen.domain.Refusal;
import org.loumen.security.AuditRecord;
import org.loumen.security.AuditRecord.Outcome;
import org.loumen.security.AuditTrail;
import org.loumen.security.Authenticator;
import org.loumen.security.Caller;
import org.loumen.security.RoleBinding;
import org.loumen.throttle.Throttles;
import org.loumen.web.PlatformStarted;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in and sessions (登录与会话); managing accounts is {@link AccountAdministration}'s. Authenticates every API
 * request for the dispatcher. Everything it
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

    /** What a sign-in name may look like: a staff username, or a leader's (a mobile number, a work ID). */
    static final Pattern SIGN_IN_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final Logger LOG = LoggerFactory.getLogger(IdentityService.class);

    private final FirstUse accounts;
    private final JpaTemplate jpa;
    private final AccountStore store;
    private final LeaderLinks leaders;
    private final AuditTrail audit;
    private final Clock clock;
    private final Sessions sessions;
    private final CheckedTokens checked;
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
        this.leaders = new LeaderLinks(leaders);
        this.audit = audit;
        this.throttles = throttles;
        this.clock = Clock.systemUTC();
        // before the first request can be authenticated, the administrator (and the demo accounts) exist: every
        // transaction here passes this gate, on a database that existed done at the first use, not on the start's
        // thread
        AccountStore unguarded = new AccountStore(jpa, clock, this.leaders);
        this.accounts = new FirstUse("初始账户 / the initial accounts",
                () -> new InitialAccounts(unguarded, hasher, organisation, context).ensure());
        this.jpa = accounts.guard(jpa);
        this.store = new AccountStore(this.jpa, clock, this.leaders);
        this.sessions = new Sessions(new JpaSessionStore(this.jpa), clock, 0, 0);
        this.checked = new CheckedTokens(this.jpa);
        configure(config);
        if (!DatabaseAtStart.existed(context)) {
            // a new database: the administrator's first password is written to a file, which the operator (or a
            // script) reads as soon as the platform is UP — so here, before UP, and not at the first use
            accounts.pass();
        }
    }

    /** Once the platform has started, the initial accounts are made sure of before the first sign-in comes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void started(PlatformStarted started) {
        accounts.passInBackground();
    }

    void unstarted(PlatformStarted started) {
        // nothing to undo
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
        String hash = Sessions.hash(token);
        long generation = checked.current();
        CheckedTokens.Checked recent = checked.get(hash, generation);
        Account account;
        if (recent != null && !sessions.due(recent.session())) {
            // checked in this generation (no session ended, no account changed since, on any node) and its idle
            // timer not yet due for writing: the same rows would be read again
            account = recent.account();
        } else {
            // one transaction: the session's row (and, at most once a minute, its idle timer) and the account's row
            Optional<Map.Entry<Sessions.Session, Optional<Account>>> found = jpa.txExpr(em -> sessions.use(token)
                    .map(s -> Map.entry(s, Optional.ofNullable(account(s.username())))));
            Optional<Sessions.Session> session = found.map(Map.Entry::getKey);
            if (session.isEmpty()) {
                return Optional.empty();
            }
            account = found.get().getValue().orElse(null);
            if (account == null || !account.enabled()) {
                sessions.revokeAll(session.get().username(), null);
                return Optional.empty();
            }
            checked.put(hash, generation, session.get(), account);
        }
        if (account.leaderId() != null) {
            // a leader's roles are read from the leader record at every request: leaving service ends them at once
            Optional<List<RoleBinding>> derived = leaders.bindings(account.leaderId());
            if (derived.isEmpty()) {
                sessions.revokeAll(account.username(), null);
                return Optional.empty();
            }
            return Optional.of(account.caller(derived.get()));
        }
        return Optional.of(account.caller());
    }

    /** The account as stored now: no cache, so a change made on another node counts at the next request. */
    private Account account(String username) {
        return store.account(username);
    }

    /** A successful sign-in. */
    record Login(String token, long expiresAt, UserView user) {
    }

    /**
     * Signs in, or refuses with 401 (wrong name or password: the same answer for both), 423 (account locked),
     * 403 (account disabled) or 429 (this client must wait). Every attempt is audited.
     */
    Login login(String username, String password, String client) throws Refusal {
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
            throw new Refusal(Refusal.Kind.FORBIDDEN, "account-disabled", "账号已停用 / the account is disabled");
        }
        if (found.leaderId() != null && leaders.bindings(found.leaderId()).isEmpty()) {
            trail("anonymous", client, name, Outcome.FAILURE, 403, "leader not in service");
            throw new Refusal(Refusal.Kind.FORBIDDEN, "leader-not-in-service",
                    "您已不在任，无法登录 / you are no longer in service");
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
    private static Refusal locked(long lockedUntil, long now) {
        long minutes = (lockedUntil - now + 59_999) / 60_000;
        return new Refusal(Refusal.Kind.LOCKED, "account-locked", "账号因多次登录失败已锁定，请 " + minutes
                + " 分钟后再试或联系管理员 / the account is locked after repeated failed sign-ins; try again in "
                + minutes + " min or ask an administrator").retryAfter((lockedUntil - now + 999) / 1000);
    }

    /** 429 for a client that must wait, with Retry-After. */
    private static Refusal throttled(long waitMillis) {
        long seconds = (waitMillis + 999) / 1000;
        return new Refusal(Refusal.Kind.TOO_MANY, "too-many-attempts",
                "尝试过于频繁，请 " + seconds + " 秒后再试 / too many failed "
                + "attempts from this client; try again in " + seconds + " s").retryAfter(seconds);
    }

    /** Counts a failed sign-in (of an account or of a name without one) under the row's lock in the database. */
    private boolean recordFailure(String name, long now) {
        Config c = config;
        return withLoginState(name, (em, s) -> s.fail(now, c.lockoutThreshold(), c.lockoutMinutes() * 60_000L));
    }

    private <T> T withLoginState(String name, java.util.function.BiFunction<EntityManager, LoginStateEntity, T> change) {
        return store.withLoginState(name, change);
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

    private static Refusal invalidCredentials() {
        return new Refusal(Refusal.Kind.UNAUTHENTICATED, "invalid-credentials",
                "用户名或密码错误 / wrong username or password");
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
            throws Refusal {
        String name = caller.username();
        if (current == null || current.isEmpty()) {
            throw Refusal.invalidField("currentPassword", "请输入当前密码 / the current password is required");
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
            throw Refusal.invalidField("currentPassword", "当前密码不正确 / the current password is wrong");
        }
        String problem = PasswordPolicy.problem(name, next).orElse(null);
        if (problem != null) {
            throw Refusal.invalidField("newPassword", problem);
        }
        if (next.equals(current)) {
            throw Refusal.invalidField("newPassword", "新密码不能与当前密码相同 / the new password must differ");
        }
        if (a.previousPasswordHash() != null && hasher.matches(next, a.previousPasswordHash())) {
            throw Refusal.invalidField("newPassword", "新密码不能是上一个密码 / the new password must not be the "
                    + "previous one");
        }
        String hash = hasher.hash(next);
        try {
            jpa.tx(em -> {
                em.find(AccountEntity.class, name).setPassword(hash, false);
                CheckedTokens.bump(em); // the caller's own session no longer must change its password
            });
        } finally {
            CheckedTokens.changed();
        }
        sessions.revokeAll(name, token);
        InitialAccounts.forgetInitialPassword(name);
    }

    private void passwordTrail(String name, String client, Outcome outcome, int status, String detail) {
        audit.record(new AuditRecord(name, client, "auth.password", name, null, outcome, status, detail));
    }

    Optional<UserView> view(String username) {
        return store.view(username);
    }

    /** Ends every session of the account (disabled, or its password reset); returns how many ended. */
    int endSessions(String username) {
        return sessions.revokeAll(username, null);
    }

    /** The password hashing as configured now, for passwords set by account administration. */
    PasswordHasher hasher() {
        return hasher;
    }
}
