package org.loumen.plugin.my.building.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.loumen.core.model.Community;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo data (--demo) for 双港镇's communities, so every page shows something: households with codes, stewards (one
 * application waiting), conventions agreed, a month of duties (some overdue), activities with sign-ups and
 * attendance, points, a points shop with a redemption, last month's ranking published. Invented, like all demo data.
 * Idempotent: nothing is added once the street has any household of the programme.
 */
final class DemoSeed {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);

    private static final String[] NAMES = { "王桂芝", "李建国", "张秀英", "刘志明", "陈淑华", "杨立新", "赵玉兰", "孙国庆" };

    private final JpaTemplate jpa;
    private final Places places;
    private final Ranking ranking;

    DemoSeed(JpaTemplate jpa, Places places, Ranking ranking) {
        this.jpa = jpa;
        this.places = places;
        this.ranking = ranking;
    }

    void seed(String street) {
        try {
            long known = jpa.txExpr(TransactionType.Required, em -> em.createQuery("SELECT COUNT(h) FROM "
                    + "HouseholdEntity h WHERE h.street = :s", Long.class).setParameter("s", street).getSingleResult());
            if (known > 0) {
                return;
            }
            int units = 0;
            for (Community c : places.communities(street)) {
                List<Places.UnitInfo> list = places.units(c.code());
                for (int i = 0; i < list.size(); i++) {
                    Places.UnitInfo u = list.get(i);
                    int n = i;
                    jpa.tx(TransactionType.Required, em -> unit(em, u, n));
                    units++;
                }
                if (!list.isEmpty()) {
                    jpa.tx(TransactionType.Required, em -> shop(em, c.code(), list));
                    jpa.tx(TransactionType.Required, em -> {
                        try {
                            ranking.publish(em, c.code(), YearMonth.now(MyBuilding.CHINA).minusMonths(1), "demo");
                        } catch (org.loumen.web.ApiException e) {
                            // published already
                        }
                    });
                }
            }
            LOG.info("Demo data of 我的楼门: {} units of street {}", units, street);
        } catch (RuntimeException e) {
            LOG.warn("Demo data of 我的楼门 not seeded: {}", e.toString());
        }
    }

    private void unit(EntityManager em, Places.UnitInfo u, int n) {
        LocalDate today = LocalDate.now(MyBuilding.CHINA);
        String[] rooms = { "101", "201", "301", "401" };
        HouseholdEntity[] hs = new HouseholdEntity[rooms.length];
        for (int i = 0; i < rooms.length; i++) {
            hs[i] = Households.create(em, u.code(), rooms[i]);
        }
        // two stewards, the first leads; in every third unit a resident's application waits
        StewardEntity lead = Stewards.create(em, u.code(), hs[0].id, NAMES[n % NAMES.length], "1370000" + pad(n, 4),
                Rules.StewardStatus.APPROVED, "LEADER", "demo");
        lead.lead = true;
        StewardEntity second = Stewards.create(em, u.code(), hs[1].id, NAMES[(n + 3) % NAMES.length],
                "1370001" + pad(n, 4), Rules.StewardStatus.APPROVED, "LEADER", "demo");
        if (n % 3 == 1) {
            Stewards.create(em, u.code(), hs[2].id, NAMES[(n + 5) % NAMES.length], null, Rules.StewardStatus.PENDING,
                    "RESIDENT", "resident");
        }
        // the convention, agreed by some households (two months ago, so it counts in no ranking month but its own)
        Conventions.saveDraft(em, u.code(), "一、爱护楼道卫生，不在楼道堆放杂物；\n二、电动车不进楼道、不飞线充电；\n三、保持消防通道畅通；\n"
                + "四、邻里互助，文明养犬；\n五、积极参加楼门活动，共建美丽楼门。", "demo");
        ConventionEntity c = Conventions.publish(em, u.code(), today.minusDays(40));
        for (int i = 0; i < 1 + n % 3; i++) {
            Conventions.agree(em, c, hs[i]);
        }
        // duties: weekly cleaning and checks over the last five weeks, mostly done; the last week's open
        Rules.DutyKind[] kinds = { Rules.DutyKind.STAIRWELL_CLEANING, Rules.DutyKind.FIRE_EXIT_CHECK,
            Rules.DutyKind.EBIKE_CHARGING_CHECK };
        for (int w = 5; w >= -2; w--) {
            for (int k = 0; k < kinds.length; k++) {
                LocalDate due = today.minusWeeks(w).minusDays(k);
                StewardEntity by = (w + k) % 2 == 0 ? lead : second;
                DutyEntity d = Duties.create(em, u.code(), kinds[k], null, by.id, due);
                boolean skip = (w + k + n) % 5 == 0;
                if (due.isBefore(today.minusDays(3)) && !skip) {
                    Duties.record(em, d, (w + n) % 7 != 0, null, "demo", due);
                }
            }
        }
        Duties.create(em, u.code(), Rules.DutyKind.GREENING, "楼前绿地浇水", second.id, today.plusDays(2));
        // activities: one held last month with attendance, one upcoming with sign-ups
        Rules.Category[] cats = Rules.Category.values();
        LocalDateTime held = YearMonth.now(MyBuilding.CHINA).minusMonths(1).atDay(10 + n % 10).atTime(19, 0);
        ActivityEntity past = Activities.create(em, u.code(), cats[n % cats.length], title(cats[n % cats.length]),
                "一楼大厅", held, 20, "demo");
        for (int i = 0; i <= n % 4; i++) {
            try {
                SignupEntity s = Activities.signUp(em, past, hs[i], 1 + i % 2);
                if (i != 1) {
                    Activities.attend(em, past, s, "demo");
                }
            } catch (org.loumen.web.ApiException e) {
                // full: not in demo sizes
            }
        }
        Rules.Category next = cats[(n + 1) % cats.length];
        ActivityEntity coming = Activities.create(em, u.code(), next, title(next), "社区活动室",
                today.plusDays(5 + n % 7).atTime(15, 0), 12, "demo");
        for (int i = 1; i <= 2; i++) {
            try {
                Activities.signUp(em, coming, hs[i], 1);
            } catch (org.loumen.web.ApiException e) {
                // not in demo sizes
            }
        }
    }

    private static String title(Rules.Category c) {
        return switch (c) {
            case CULTURE -> "楼门书画交流会";
            case STUDENT_QA -> "中小学作业线上答疑";
            case COUNSELLING -> "心理健康讲座与咨询";
            case CHILD_MINDING -> "暑期儿童短期照看";
            case SPECIAL_GROUPS -> "为独居老人送温暖";
            case OTHER -> "楼门邻里茶话会";
        };
    }

    private void shop(EntityManager em, String community, List<Places.UnitInfo> units) {
        ShopItemEntity soap = Shop.create(em, community, "洗衣液（2 公斤）", 20, 15);
        Shop.create(em, community, "抽纸（一提）", 10, 30);
        Shop.create(em, community, "大米（5 公斤）", 50, 6);
        Shop.create(em, community, "家用灭火器", 80, 0);
        HouseholdEntity h = em.createQuery("SELECT h FROM HouseholdEntity h WHERE h.unit = :u ORDER BY h.points DESC",
                HouseholdEntity.class).setParameter("u", units.get(0).code()).setMaxResults(1).getSingleResult();
        try {
            Shop.redeem(em, soap, h, 1, "demo");
        } catch (org.loumen.web.ApiException e) {
            // not enough points in this demo unit: the shop stays without a redemption
        }
    }

    private static String pad(int n, int width) {
        String s = Integer.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
