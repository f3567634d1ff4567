package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.data.LeaderView;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/** Pairings of a mediator with leaders (结对): made and ended by the street; history kept. */
final class Pairings {

    /** A pairing as clients see it: the mediator's phone masked, the leader's name as declared. */
    record Pairing(long id, String community, String mediator, String mediatorName, String mediatorPhone, long leader,
            String leaderName, LocalDate since, LocalDate endedOn, String endReason, boolean active) {
        static Pairing of(PairingEntity p, String leaderName) {
            return new Pairing(p.id, p.community, p.mediator, p.mediatorName, p.mediatorPhone == null
                    || p.mediatorPhone.isEmpty() ? null : Disputes.mask(p.mediatorPhone), p.leader, leaderName, p.since,
                    p.endedOn, p.endReason, p.endedOn == null);
        }
    }

    private final Store store;
    private final Who who;

    Pairings(Store store, Who who) {
        this.store = store;
        this.who = who;
    }

    /** The leaders' names the caller may read, by id. */
    static Map<Long, String> leaderNames(ProgrammeRequest r) throws ApiException {
        Map<Long, String> names = new HashMap<>();
        for (LeaderView l : r.data().leaders(null)) {
            names.put(l.id(), l.name());
        }
        return names;
    }

    List<Pairing> list(ProgrammeRequest r) throws ApiException {
        String active = r.query("active").orElse(null);
        if (active != null && !active.equals("true") && !active.equals("false")) {
            throw new ApiException(400, "invalid-parameter", "active 须为 true 或 false / active must be true or false",
                    "active");
        }
        List<PairingEntity> seen = store.pairings(r.street()).stream().filter(p -> who.seesPairing(r, p))
                .filter(p -> active == null || (p.endedOn == null) == Boolean.parseBoolean(active)).toList();
        Map<Long, String> names = seen.isEmpty() ? Map.of() : leaderNames(r);
        return seen.stream().map(p -> Pairing.of(p, names.get(p.leader))).toList();
    }

    ApiResponse pair(ProgrammeRequest r) throws ApiException {
        Disputes.NewPairing body = r.body(Disputes.NewPairing.class);
        String community = r.community("community", body.community());
        LocalDate today = Mediation.today();
        Disputes.check(body, today);
        if (!who.mediatorAt(body.mediator(), community)) {
            throw ApiException.invalidField("mediator", "该账号不是本社区的人民调解员：请先在“账号”中授予人民调解员角色 / "
                    + "the account does not hold the role people's mediator at the community");
        }
        LeaderView leader = r.data().leader(body.leader()).filter(l -> community.equals(l.community()))
                .orElseThrow(() -> new ApiException(404, "not-found", "本社区没有此楼门栋长 / no such leader in the "
                        + "community", "leader"));
        PairingEntity saved;
        synchronized (this) {
            boolean paired = store.pairings(r.street()).stream().anyMatch(p -> p.endedOn == null
                    && body.mediator().equals(p.mediator) && p.leader == leader.id());
            if (paired) {
                throw new ApiException(409, "already-paired", "二人已结对 / the mediator and the leader are already "
                        + "paired");
            }
            saved = store.tx(em -> {
                PairingEntity p = new PairingEntity();
                p.street = r.street();
                p.community = community;
                p.mediator = body.mediator();
                p.mediatorName = body.mediatorName().strip();
                p.mediatorPhone = body.mediatorPhone() == null ? "" : body.mediatorPhone();
                p.leader = leader.id();
                p.since = body.since() == null ? today : body.since();
                em.persist(p);
                em.flush();
                return p;
            });
        }
        r.auditDetail("pairing " + saved.id + ": mediator " + saved.mediator + " with leader " + leader.id());
        return ApiResponse.created(Pairing.of(saved, leader.name()));
    }

    Pairing end(ProgrammeRequest r) throws ApiException {
        PairingEntity p = pairing(r, r.pathId("pairing").orElse(-1L), null);
        if (!Who.street(r)) {
            throw new ApiException(404, "not-found", "未找到结对 / no such pairing");
        }
        Disputes.Ending body = r.body(Disputes.Ending.class);
        Disputes.check(body, p.since, Mediation.today());
        String reason = Disputes.text("reason", body.reason(), 200, false);
        int updated = store.tx(em -> em.createQuery("UPDATE PairingEntity p SET p.endedOn = :d, p.endReason = :why, "
                + "p.version = p.version + 1 WHERE p.id = :id AND p.endedOn IS NULL").setParameter("d", body.endedOn())
                .setParameter("why", reason).setParameter("id", p.id)
                .executeUpdate());
        if (updated == 0) {
            throw new ApiException(409, "pairing-ended", "结对已结束 / the pairing has already ended");
        }
        r.auditDetail("pairing " + p.id + " ended " + body.endedOn());
        PairingEntity ended = store.find(PairingEntity.class, p.id);
        return Pairing.of(ended, leaderNames(r).get(ended.leader));
    }

    /** A pairing of the street the caller may see, or 404 naming the field. */
    PairingEntity pairing(ProgrammeRequest r, long id, String field) throws ApiException {
        PairingEntity p = store.find(PairingEntity.class, id);
        if (p == null || !p.street.equals(r.street()) || !who.seesPairing(r, p)) {
            throw new ApiException(404, "not-found", "未找到结对 / no such pairing", field);
        }
        return p;
    }
}
