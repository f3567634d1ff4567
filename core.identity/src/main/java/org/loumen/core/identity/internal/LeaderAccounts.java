package org.loumen.core.identity.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Community;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.OrganisationService;
import org.loumen.domain.StoreConflict;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Accounts for leaders (楼门栋长账号), issued in bulk for a community or a street: one account per leader in service
 * who has none, named by the leader's mobile number (or work ID), with a generated readable first password that must
 * be changed at first sign-in. Issuing again issues nothing twice; parallel issuances never give a leader two
 * accounts (the leader's id is the key of {@link LeaderAccountEntity}).
 */
@Component(service = LeaderAccounts.class)
public final class LeaderAccounts {

    /** Where the username comes from. */
    enum UsernameFrom {
        PHONE, WORK_ID
    }

    /** An account issued, with its first password (shown once, never stored or audited). */
    record Issued(long leaderId, String name, String username, String password, String community,
            String communityName, String places, Instant issuedAt) {
    }

    /** A leader left without an account, and why. */
    record Skipped(long leaderId, String name, String reason) {
    }

    /** The outcome of an issuance; {@code existing} counts the leaders in service who had an account already. */
    record Issuance(List<Issued> issued, List<Skipped> skipped, int existing) {
    }

    /** A leader of a community and their account, if any. */
    record Row(long leaderId, String name, String phone, String workId, LeaderStatus status, String statusLabel,
            String places, String username, Boolean enabled) {
    }

    /** A leader about to get an account: the password's hash is made before the transaction (it is slow). */
    private record Candidate(Leader leader, String username, String password, String hash) {
    }

    private static final int ATTEMPTS = 10;

    private final JpaTemplate jpa;
    private final LeaderService leaders;
    private final OrganisationService organisation;
    /**
     * First passwords are random (about 70 bits) and used once: they are hashed at the hasher's floor so that a street
     * of hundreds is issued in reasonable time, and rehashed with the configured cost at the first sign-in.
     */
    private final PasswordHasher firstPasswords = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @Activate
    public LeaderAccounts(@Reference(target = "(osgi.unit.name=loumen.identity)") JpaTemplate jpa,
            @Reference LeaderService leaders, @Reference OrganisationService organisation) {
        this.jpa = jpa;
        this.leaders = leaders;
        this.organisation = organisation;
    }

    /**
     * Issues accounts to the leaders in service within the node (a community or a street) who have none.
     *
     * @param actor who issues them (recorded as the accounts' creator)
     */
    Issuance issue(String node, UsernameFrom from, String actor) {
        List<Leader> serving = leaders.find(Set.of(node), new LeaderQuery(null, null, null, LeaderStatus.IN_SERVICE,
                null, null, null), 1, Integer.MAX_VALUE, "id").items();
        Map<Long, String> linked = links();
        Set<String> taken = usernames();
        List<Skipped> skipped = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        Set<String> batch = new HashSet<>();
        int existing = 0;
        for (Leader l : serving) {
            if (linked.containsKey(l.id())) {
                existing++;
                continue;
            }
            String username = from == UsernameFrom.WORK_ID ? username(l.workId()) : username(l.phone());
            String reason = null;
            if (from == UsernameFrom.WORK_ID && (l.workId() == null || l.workId().isBlank())) {
                reason = "没有工作证号 / the leader has no work ID";
            } else if (username == null) {
                reason = "工作证号不能用作用户名（仅限字母、数字和 . _ -，3 至 32 位） / the work ID cannot serve as a "
                        + "username (3-32 letters, digits or . _ -)";
            } else if (taken.contains(username) || !batch.add(username)) {
                reason = taken(username);
            }
            if (reason != null) {
                skipped.add(new Skipped(l.id(), l.name(), reason));
            } else {
                candidates.add(new Candidate(l, username, null, null));
            }
        }
        List<Candidate> hashed = candidates.parallelStream().map(c -> {
            String pw = PasswordPolicy.generateReadable();
            return new Candidate(c.leader(), c.username(), pw, firstPasswords.hash(pw));
        }).toList();
        return store(hashed, skipped, existing, actor);
    }

    /** Issues one leader an account named by their phone number, unless they have one (the demo's accounts). */
    Optional<Issued> issueTo(Leader leader, String actor) {
        String pw = PasswordPolicy.generateReadable();
        Candidate c = new Candidate(leader, username(leader.phone()), pw, firstPasswords.hash(pw));
        return store(List.of(c), List.of(), 0, actor).issued().stream().findFirst();
    }

    /** Stores the accounts in one transaction; a parallel issuance's conflict is retried against what it stored. */
    private Issuance store(List<Candidate> candidates, List<Skipped> skippedBefore, int existingBefore,
            String actor) {
        for (int attempt = 1;; attempt++) {
            try {
                return jpa.txExpr(em -> {
                    long now = System.currentTimeMillis();
                    Set<Long> linked = new HashSet<>(em.createQuery("select k.leaderId from LeaderAccountEntity k",
                            Long.class).getResultList());
                    List<Issued> issued = new ArrayList<>();
                    List<Skipped> skipped = new ArrayList<>(skippedBefore);
                    int existing = existingBefore;
                    Map<String, String> communityNames = new HashMap<>();
                    for (Candidate c : candidates) {
                        Leader l = c.leader();
                        if (linked.contains(l.id())) {
                            existing++; // issued by a parallel request meanwhile
                            continue;
                        }
                        if (em.find(AccountEntity.class, c.username()) != null) {
                            skipped.add(new Skipped(l.id(), l.name(), taken(c.username())));
                            continue;
                        }
                        em.persist(AccountEntity.forLeader(c.username(), l.name(), c.hash(), l.id(), now, actor));
                        em.persist(new LeaderAccountEntity(l.id(), c.username()));
                        issued.add(new Issued(l.id(), l.name(), c.username(), c.password(), l.community(),
                                communityNames.computeIfAbsent(l.community(), this::communityName), places(l),
                                Instant.ofEpochMilli(now)));
                    }
                    em.flush();
                    return new Issuance(issued, skipped, existing);
                });
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || StoreConflict.in(e).isEmpty()) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static String taken(String username) {
        return "用户名 " + username + " 已被其他账号使用 / the username " + username + " is taken";
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every leader of the community (any status) with their account, by name. */
    List<Row> list(String community) {
        List<Leader> all = leaders.find(Set.of(community), LeaderQuery.of(null, community, null), 1,
                Integer.MAX_VALUE, "name").items();
        Map<Long, String> linked = links();
        Map<String, Boolean> enabled = jpa.txExpr(em -> {
            Map<String, Boolean> m = new HashMap<>();
            for (Object[] r : em.createQuery("select a.username, a.enabled from AccountEntity a where a.leaderId is "
                    + "not null", Object[].class).getResultList()) {
                m.put((String) r[0], (Boolean) r[1]);
            }
            return m;
        });
        return all.stream().map(l -> {
            String username = linked.get(l.id());
            return new Row(l.id(), l.name(), l.phone(), l.workId(), l.status(), l.status().zh(), places(l), username,
                    username == null ? null : enabled.get(username));
        }).toList();
    }

    /** The account of a leader, if one was issued. */
    /**
     * Whether each of these phone numbers is already the username of a leader's account, as {@link #issueTo} names
     * them (one query: the demo's warm check at every start).
     */
    boolean allNamed(Collection<String> phones) {
        List<String> names = phones.stream().map(LeaderAccounts::username).filter(Objects::nonNull).distinct()
                .toList();
        if (names.isEmpty()) {
            return true;
        }
        long named = jpa.txExpr(em -> em.createQuery("select count(distinct k.username) from LeaderAccountEntity k "
                + "where k.username in :names", Long.class).setParameter("names", names).getSingleResult());
        return named == names.size();
    }

    Optional<String> usernameOf(long leaderId) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(LeaderAccountEntity.class, leaderId))
                .map(LeaderAccountEntity::username));
    }

    /** leader id → username of every leader's account. */
    private Map<Long, String> links() {
        return jpa.txExpr(em -> readLinks(em));
    }

    private static Map<Long, String> readLinks(EntityManager em) {
        return em.createQuery("select k from LeaderAccountEntity k", LeaderAccountEntity.class).getResultList()
                .stream().collect(Collectors.toMap(LeaderAccountEntity::leaderId, LeaderAccountEntity::username));
    }

    private Set<String> usernames() {
        return jpa.txExpr(em -> new HashSet<>(em.createQuery("select a.username from AccountEntity a", String.class)
                .getResultList()));
    }

    private String communityName(String code) {
        return organisation.community(code).map(Community::name).orElse(code);
    }

    /** A leader's username from a phone number or work ID: lower case, or null when it cannot be one. */
    static String username(String raw) {
        if (raw == null) {
            return null;
        }
        String u = raw.strip().toLowerCase(Locale.ROOT);
        return IdentityService.SIGN_IN_NAME.matcher(u).matches() ? u : null;
    }

    /** The places in force today as people write them: {@code 1号楼2单元楼门长；3号楼栋长}. */
    static String places(Leader l) {
        LocalDate today = LocalDate.now(LeaderBindings.CHINA);
        List<String> out = new ArrayList<>();
        for (Assignment a : l.assignments()) {
            if (a.activeOn(today)) {
                out.add(a.buildingLabel() + (a.role() == LeaderRole.UNIT_LEADER && a.unitLabel() != null
                        ? a.unitLabel() : "") + a.role().zh());
            }
        }
        return String.join("；", out);
    }
}
